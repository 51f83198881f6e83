import fc from "fast-check";
import { strict as assert } from "node:assert";
import { request } from "node:http";
import type { CamsEmulator } from "../../emulator";
import { signAcs3 } from "./support/acs3Signer";
import { send, sendBytes, type RawResponse } from "./support/rawHttp";
import { startEmulator } from "./support/harness";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

function assertJsonError(response: RawResponse, status: number, code?: string): void {
  assert.equal(response.status, status, `expected HTTP ${status}, got ${response.status}: ${response.body.toString("utf8").slice(0, 200)}`);
  assert.match(String(response.headers["content-type"]), /^application\/json/);
  if (code !== undefined) assert.equal(response.json?.Code, code);
}

describe("emulator: robustness against malformed requests", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  it("refuses a body declared over 1 MiB with 413 JSON without reading it", async () => {
    const response = await send(emulator.url, { method: "POST", headers: FORM, body: Buffer.alloc(1024 * 1024 + 1, "a") });
    assertJsonError(response, 413, "RequestBodyTooLarge");
  });

  it("answers an endless chunked body with 413 JSON and then closes the connection", async () => {
    const outcome = await new Promise<{ status: number; code: unknown; closedAfterMs: number }>((resolve, reject) => {
      const chunk = Buffer.alloc(64 * 1024, "a");
      const req = request(`${emulator.url}/`, { method: "POST", headers: FORM, agent: false });
      let answered: { status: number; code: unknown; at: number } | undefined;
      const pump = (): void => {
        while (!req.destroyed && req.write(chunk));
        if (!req.destroyed) req.once("drain", pump);
      };
      req.on("response", (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => {
          answered = { status: res.statusCode ?? 0, code: JSON.parse(Buffer.concat(parts).toString()).Code, at: Date.now() };
        });
      });
      req.on("close", () => {
        if (!answered) return reject(new Error("the connection closed without an answer"));
        resolve({ status: answered.status, code: answered.code, closedAfterMs: Date.now() - answered.at });
      });
      req.on("error", () => undefined);
      pump();
    });
    assert.equal(outcome.status, 413);
    assert.equal(outcome.code, "RequestBodyTooLarge");
    assert.ok(outcome.closedAfterMs < 3000, `the connection stayed open ${outcome.closedAfterMs} ms after the answer`);
  });

  it("answers garbage that is not HTTP with a 400 JSON error and closes", async () => {
    const answer = await sendBytes(emulator.port, "\x00\x01GARBAGE \xff\r\n\r\n");
    assert.match(answer, /^HTTP\/1\.1 400 /);
    assert.match(answer, /content-type: application\/json/i);
    assert.match(answer, /"Code":"BadRequest"/);
  });

  it("answers headers over the size limit with a 431 JSON error", async () => {
    const answer = await sendBytes(emulator.port, `POST / HTTP/1.1\r\nHost: x\r\nx-big: ${"a".repeat(40_000)}\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 431 /);
    assert.match(answer, /"Code":"RequestHeaderFieldsTooLarge"/);
  });

  it("refuses a body that is not UTF-8, or has a malformed or non-UTF-8 escape, with 400 InvalidParameter", async () => {
    for (const body of [Buffer.from([0x50, 0x3d, 0xc3, 0x28]), "PhoneNumber=%ZZ", "PhoneNumber=%C3%28", "=novalue"]) {
      assertJsonError(await send(emulator.url, { method: "POST", headers: FORM, body }), 400, "InvalidParameter");
    }
    assertJsonError(await send(emulator.url, { path: "/?PhoneNumber=%E0%A4%A" }), 400, "InvalidParameter");
  });

  it("refuses a repeated parameter with 400 InvalidParameter rather than guessing which was signed", async () => {
    assertJsonError(await send(emulator.url, { method: "POST", headers: FORM, body: "A=1&A=2" }), 400, "InvalidParameter");
  });

  it("refuses a body of another content type with 415 JSON", async () => {
    const response = await send(emulator.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"PhoneNumber":"1"}' });
    assertJsonError(response, 415, "UnsupportedMediaType");
  });

  it("answers a bare POST / with a 4xx JSON error naming what is missing", async () => {
    const response = await send(emulator.url, { method: "POST" });
    assertJsonError(response, 400, "MissingParameter");
  });

  it("answers unknown paths with 404 JSON and other methods on / with 405 JSON", async () => {
    assertJsonError(await send(emulator.url, { path: "/nothing/here" }), 404, "NotFound");
    assertJsonError(await send(emulator.url, { method: "PUT" }), 405, "MethodNotAllowed");
  });

  it("answers arbitrary requests with 4xx JSON, never 5xx or silence (property, 150 cases)", async () => {
    emulator.resetCalls();
    const token = fc.string({ minLength: 0, maxLength: 40 }).map((s) => s.replace(/[^\x21-\x7e]/g, ""));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
          path: fc.constantFrom("/", "/?", "/qr/", "/_emulator/x", "/%", "/qr/%zz.png"),
          query: token.map((q) => q.replace(/#/g, "")),
          contentType: fc.constantFrom(undefined, "application/x-www-form-urlencoded", "text/plain", "application/json", "multipart/form-data; boundary=x"),
          authorization: fc.option(fc.oneof(token, token.map((t) => `ACS3-HMAC-SHA256 Credential=${t},SignedHeaders=host,Signature=${t}`))),
          action: fc.option(fc.constantFrom("CreatePhoneMessageQrdl", "ListPhoneMessageQrdl", "Nope")),
          version: fc.option(fc.constantFrom("2020-06-06", "1999-01-01", "")),
          body: fc.oneof(fc.uint8Array({ maxLength: 300 }), token.map((t) => Buffer.from(t))),
        }),
        async (input) => {
          const headers: Record<string, string> = {};
          if (input.contentType) headers["content-type"] = input.contentType;
          if (input.authorization !== null) headers.authorization = input.authorization;
          if (input.action !== null) headers["x-acs-action"] = input.action;
          if (input.version !== null) headers["x-acs-version"] = input.version;
          const path = input.path.startsWith("/_emulator") ? input.path : `${input.path}${input.path.includes("?") ? "" : "?"}${input.query}`;
          const response = await send(emulator.url, { method: input.method, path, headers, body: Buffer.from(input.body) });
          assert.ok(response.status >= 400 && response.status < 500, `${input.method} ${path} answered ${response.status}`);
          assert.match(String(response.headers["content-type"]), /^application\/json/, `${input.method} ${path} did not answer JSON`);
        },
      ),
      { numRuns: 150 },
    );
    const signed = signAcs3({ host: emulator.endpoint, params: { PhoneNumber: "8615800000000" } });
    const after = await send(emulator.url, { method: "POST", headers: signed.headers, body: signed.body });
    assert.equal(after.status, 200, "the emulator must still serve signed calls after the fuzzing");
  });
});
