import fc from "fast-check";
import { strict as assert } from "node:assert";
import type { CamsEmulator } from "../../emulator";
import { signAcs3 } from "./support/acs3Signer";
import { signHmacSha1 } from "./support/hmacSha1Signer";
import { PHONE, startEmulator } from "./support/harness";
import { send, sendBytes, type RawResponse } from "./support/rawHttp";

/** No answer may take longer: the emulator must refuse garbage, never sit on it. */
const DEADLINE_MS = 5000;

/** The headers a V3-signed request carries; each is dropped in turn by the mutations. */
const SIGNED_HEADERS = ["authorization", "host", "content-type", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];
const HMAC_PARAMS = ["AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Action", "Version"];

/** Sends a request; rejects if no answer arrives within the deadline. */
async function answered(url: string, init: Parameters<typeof send>[1]): Promise<RawResponse> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS} ms to ${init?.method ?? "GET"} ${init?.path ?? "/"}`)), DEADLINE_MS);
  });
  try {
    return await Promise.race([send(url, init), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A proper JSON refusal: 4xx, JSON, with the Code and RequestId every CAMS error carries. */
function assertJsonRefusal(response: RawResponse, what: string): void {
  const body = response.body.toString("utf8").slice(0, 200);
  assert.ok(response.status >= 400 && response.status < 500, `${what}: expected a 4xx, got ${response.status}: ${body}`);
  assert.match(String(response.headers["content-type"]), /^application\/json/, `${what}: not JSON: ${body}`);
  assert.equal(typeof response.json?.Code, "string", `${what}: no Code in ${body}`);
  assert.equal(typeof response.json?.RequestId, "string", `${what}: no RequestId in ${body}`);
}

/** One way to spoil a correctly signed request after signing. */
type Mutation =
  | { kind: "flipSignature"; at: number }
  | { kind: "dropHeader"; header: string }
  | { kind: "changeHeader"; header: string; value: string }
  | { kind: "duplicateHeader"; header: string; value: string }
  | { kind: "replaceBody"; bytes: Uint8Array }
  | { kind: "appendBody"; bytes: Uint8Array }
  | { kind: "contentType"; value: string }
  | { kind: "credential"; accessKeyId: string }
  | { kind: "signedHeaders"; list: string };

const token = fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/[^\x21-\x7e]/g, "x"));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flipSignature" as const), at: fc.nat(63) }),
  fc.record({ kind: fc.constant("dropHeader" as const), header: fc.constantFrom(...SIGNED_HEADERS.filter((h) => h !== "host")) }),
  fc.record({ kind: fc.constant("changeHeader" as const), header: fc.constantFrom(...SIGNED_HEADERS.filter((h) => h !== "authorization")), value: token }),
  // Node cannot send two Host headers.
  fc.record({ kind: fc.constant("duplicateHeader" as const), header: fc.constantFrom(...SIGNED_HEADERS.filter((h) => h !== "host")), value: token }),
  fc.record({ kind: fc.constant("replaceBody" as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 200 }) }),
  fc.record({ kind: fc.constant("appendBody" as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 50 }) }),
  fc.record({ kind: fc.constant("contentType" as const), value: fc.constantFrom("text/plain", "application/json", "multipart/form-data; boundary=x", "application/x-www-form-urlencodedx", "", "*/*") }),
  fc.record({ kind: fc.constant("credential" as const), accessKeyId: token }),
  fc.record({ kind: fc.constant("signedHeaders" as const), list: fc.subarray(SIGNED_HEADERS.filter((h) => h !== "authorization")).map((l) => l.join(";")) }),
);

/** The request after the mutation; `changed` is false when the mutation happened to change nothing. */
function mutate(signed: { headers: Record<string, string>; body: string }, m: Mutation): { headers: Record<string, string | string[]>; body: Buffer; changed: boolean } {
  const headers: Record<string, string | string[]> = { ...signed.headers };
  let body = Buffer.from(signed.body);
  const before = JSON.stringify({ headers, body: body.toString("base64") });
  switch (m.kind) {
    case "flipSignature":
      headers.authorization = signed.headers.authorization.replace(/Signature=([0-9a-f]+)/, (_, hex: string) => {
        const flipped = ((parseInt(hex[m.at], 16) + 1) % 16).toString(16);
        return `Signature=${hex.slice(0, m.at)}${flipped}${hex.slice(m.at + 1)}`;
      });
      break;
    case "dropHeader":
      delete headers[m.header];
      break;
    case "changeHeader":
      headers[m.header] = m.value;
      break;
    case "duplicateHeader":
      headers[m.header] = [signed.headers[m.header], m.value];
      break;
    case "replaceBody":
      body = Buffer.from(m.bytes);
      break;
    case "appendBody":
      body = Buffer.concat([body, Buffer.from(m.bytes)]);
      break;
    case "contentType":
      headers["content-type"] = m.value;
      break;
    case "credential":
      headers.authorization = signed.headers.authorization.replace(/Credential=[^,]+/, `Credential=${m.accessKeyId}`);
      break;
    case "signedHeaders":
      headers.authorization = signed.headers.authorization.replace(/SignedHeaders=[^,]+/, `SignedHeaders=${m.list}`);
      break;
  }
  return { headers, body, changed: JSON.stringify({ headers, body: body.toString("base64") }) !== before };
}

describe("emulator: generated garbage around correctly signed requests", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  it("refuses a signed Create spoiled after signing with a JSON 4xx, in time, creating nothing (200 cases)", async () => {
    emulator.reset();
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const signed = signAcs3({ host: emulator.endpoint, action: "CreatePhoneMessageQrdl", params: { PhoneNumber: PHONE, GenerateQrImage: "PNG", PrefilledMessage: "Hi" } });
        const { headers, body, changed } = mutate(signed, m);
        fc.pre(changed);
        const response = await answered(emulator.url, { method: "POST", headers: headers as Record<string, string>, body });
        assertJsonRefusal(response, JSON.stringify(m));
        assert.deepEqual(emulator.codes(), [], `${JSON.stringify(m)} was refused but a code was created anyway`);
      }),
      { numRuns: 200 },
    );
  });

  it("answers signed calls with arbitrary parameter values with 200 or a JSON 4xx naming the parameter, never a 5xx (150 cases)", async () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 30 }), fc.string({ minLength: 141, maxLength: 2000 }), fc.constantFrom("", "PNG", "SVG", PHONE));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("CreatePhoneMessageQrdl", "UpdatePhoneMessageQrdl", "DeletePhoneMessageQrdl", "ListPhoneMessageQrdl"),
        fc.record({ PhoneNumber: text, GenerateQrImage: text, PrefilledMessage: text, QrdlCode: text, CustSpaceId: text }, { requiredKeys: [] }),
        fc.dictionary(token, text, { maxKeys: 3 }),
        async (action, params, extra) => {
          const signed = signAcs3({ host: emulator.endpoint, action, params: { ...extra, ...params } as Record<string, string> });
          const response = await answered(emulator.url, { method: "POST", headers: signed.headers, body: signed.body });
          if (response.status === 200) return assert.equal(response.json?.Code, "OK");
          assertJsonRefusal(response, `${action} ${JSON.stringify(params)}`);
          if (response.json?.Code === "MissingParameter" || response.json?.Code === "InvalidParameter") {
            assert.match(String(response.json.Message), /[A-Z][A-Za-z]+/, "the refusal names no parameter");
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("refuses RPC-signed calls missing any of the signature parameters with a JSON 4xx (100 cases)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(HMAC_PARAMS, { minLength: 1 }), async (dropped) => {
        const form = new URLSearchParams(signHmacSha1({ action: "ListPhoneMessageQrdl", params: { PhoneNumber: PHONE } }));
        for (const name of dropped) form.delete(name);
        const response = await answered(emulator.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() });
        assertJsonRefusal(response, `without ${dropped.join(", ")}`);
      }),
      { numRuns: 100 },
    );
  });
});

describe("emulator: fixed garbage the robustness suite does not cover", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  it("refuses a signed body just under 1 MiB (a huge PrefilledMessage) as InvalidParameter, not 413 and not slowly", async () => {
    const signed = signAcs3({ host: emulator.endpoint, action: "CreatePhoneMessageQrdl", params: { PhoneNumber: PHONE, GenerateQrImage: "PNG", PrefilledMessage: "x".repeat(1_000_000) } });
    const response = await answered(emulator.url, { method: "POST", headers: signed.headers, body: signed.body });
    assertJsonRefusal(response, "1 MB message");
    assert.equal(response.json?.Code, "InvalidParameter");
    assert.match(String(response.json?.Message), /PrefilledMessage/);
  });

  it("answers a signed body of 60,000 parameters in time without a 5xx", async () => {
    const params: Record<string, string> = { PhoneNumber: PHONE };
    for (let i = 0; i < 60_000; i++) params[`P${i}`] = "1";
    const signed = signAcs3({ host: emulator.endpoint, params });
    const started = Date.now();
    const response = await answered(emulator.url, { method: "POST", headers: signed.headers, body: signed.body });
    assert.ok(response.status < 500, `answered ${response.status}`);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });

  it("refuses header values that are not UTF-8 (raw bytes) with a JSON 4xx", async () => {
    for (const name of ["x-acs-action", "authorization", "content-type", "x-acs-date"]) {
      const request = Buffer.concat([
        Buffer.from(`POST / HTTP/1.1\r\nHost: ${emulator.endpoint}\r\n${name}: `),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
        Buffer.from("\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"),
      ]);
      const answer = await sendBytes(emulator.port, request);
      assert.match(answer, /^HTTP\/1\.1 4\d\d /, `${name}: ${answer.slice(0, 120)}`);
      assert.match(answer, /content-type: application\/json/i, `${name} was not answered with JSON`);
    }
  });

  it("refuses a request line with raw non-ASCII bytes in the query with a JSON 4xx", async () => {
    const request = Buffer.concat([Buffer.from("POST /?PhoneNumber="), Buffer.from([0xff, 0x80]), Buffer.from(` HTTP/1.1\r\nHost: ${emulator.endpoint}\r\nconnection: close\r\n\r\n`)]);
    const answer = await sendBytes(emulator.port, request);
    assert.match(answer, /^HTTP\/1\.1 4\d\d /, answer.slice(0, 120));
    assert.match(answer, /content-type: application\/json/i);
  });

  it("refuses form content types with odd parameters or case only when they are not form data", async () => {
    for (const [contentType, form] of [
      ["Application/X-WWW-Form-Urlencoded; charset=UTF-8", true],
      ["application/x-www-form-urlencoded;charset=latin1", true],
      ["application/x-www-form-urlencoded, text/plain", false],
      ["text/plain; application/x-www-form-urlencoded", false],
    ] as const) {
      const response = await answered(emulator.url, { method: "POST", headers: { "content-type": contentType }, body: `PhoneNumber=${PHONE}` });
      assertJsonRefusal(response, contentType);
      assert.equal(response.json?.Code === "UnsupportedMediaType", !form, `${contentType} answered ${response.json?.Code}`);
    }
  });

  it("still serves a correctly signed call after all of the above", async () => {
    const signed = signAcs3({ host: emulator.endpoint, params: { PhoneNumber: PHONE } });
    const response = await answered(emulator.url, { method: "POST", headers: signed.headers, body: signed.body });
    assert.equal(response.status, 200, JSON.stringify(response.json));
  });
});
