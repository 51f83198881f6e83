import { strict as assert } from "node:assert";
import { request } from "node:http";
import type { CamsEmulator } from "../../emulator";
import { startEmulator } from "./support/harness";
import { send } from "./support/rawHttp";

const OVER_LIMIT = Buffer.alloc(1024 * 1024 + 1, "a");

// Streams a chunked body until the emulator answers and hangs up; resolves with the status and the bytes it took.
function endlessBody(emulator: CamsEmulator, method: string, path: string): Promise<{ status: number; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    const req = request(`${emulator.url}${path}`, { method, headers: { "content-type": "application/json" }, agent: false });
    let status = 0;
    let sentBytes = 0;
    const pump = (): void => {
      while (!req.destroyed && sentBytes < 512 * 1024 * 1024) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
    };
    req.on("response", (res) => {
      status = res.statusCode ?? 0;
      res.resume();
    });
    req.on("close", () => (status ? resolve({ status, sentBytes }) : reject(new Error(`${method} ${path} closed without an answer`))));
    req.on("error", () => undefined);
    pump();
  });
}

describe("emulator: every route reads at most 1 MiB of body", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  for (const [method, path] of [["POST", "/_emulator/reset"], ["GET", "/_emulator/health"], ["PATCH", "/_emulator/behaviour"], ["GET", "/qr/NOSUCHCODE.png"], ["POST", "/nothing/here"]]) {
    it(`answers 413 to ${method} ${path} with a body declared over 1 MiB`, async () => {
      // An explicit length: Node sends a GET body without one, which no server could frame.
      const headers = { "content-type": "application/json", "content-length": String(OVER_LIMIT.length) };
      const response = await send(emulator.url, { method, path, headers, body: OVER_LIMIT });
      assert.equal(response.status, 413);
      assert.equal(response.json?.Code, "RequestBodyTooLarge");
    });
  }

  it("stops reading an endless chunked body sent to POST /_emulator/reset after 1 MiB", async () => {
    const outcome = await endlessBody(emulator, "POST", "/_emulator/reset");
    assert.equal(outcome.status, 413);
    assert.ok(outcome.sentBytes < 64 * 1024 * 1024, `the emulator took ${outcome.sentBytes} bytes before hanging up`);
  });
});
