import { strict as assert } from "node:assert";
import { Agent, request } from "node:http";
import type { CamsEmulator } from "../../emulator";
import { CallLog, MAX_CALLS, MAX_LOG_CHARS } from "../../emulator/callLog";
import { camsClient, createCode, startEmulator } from "./support/harness";
import { send } from "./support/rawHttp";

const UNSIGNED_REQUESTS = 5_000;
const PARAMS_PER_REQUEST = 40;

// Sends unsigned form posts, each with its own parameter names, over a few keep-alive connections.
async function flood(emulator: CamsEmulator): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const post = (i: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const body = Array.from({ length: PARAMS_PER_REQUEST }, (_, j) => `junk_${i}_${j}=${"v".repeat(50)}`).join("&");
      const req = request(`${emulator.url}/`, { method: "POST", agent, headers: { "content-type": "application/x-www-form-urlencoded" } }, (res) => {
        res.resume();
        res.on("end", resolve);
      });
      req.on("error", reject);
      req.end(body);
    });
  try {
    for (let next = 0; next < UNSIGNED_REQUESTS; next += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => post(next + k)));
    }
  } finally {
    agent.destroy();
  }
}

describe("emulator: the call log stays small whatever is sent", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  it("keeps no parameter of unsigned requests: 5,000 with distinct names leave a small log that GET /_emulator/calls still serves", async () => {
    await flood(emulator);
    const calls = await send(emulator.url, { path: "/_emulator/calls" });
    assert.equal(calls.status, 200);
    const logged = calls.json as unknown as { authenticated: boolean; params: object }[];
    assert.equal(logged.length, UNSIGNED_REQUESTS);
    assert.ok(logged.every((c) => !c.authenticated && Object.keys(c.params).length === 0), "an unsigned request's parameters were logged");
    assert.ok(calls.body.length < 2_000_000, `the log of unsigned junk takes ${calls.body.length} bytes`);
  });

  it("still records the parameters of a signed call", async () => {
    emulator.resetCalls();
    await createCode(camsClient(emulator), { prefilledMessage: "Logged" });
    assert.deepEqual(emulator.calls().map((c) => [c.authenticated, c.params.PrefilledMessage]), [[true, "Logged"]]);
  });

  it("bounds calls, parameters per call and their length, and the total size", () => {
    const log = new CallLog();
    const params = Object.fromEntries(Array.from({ length: 1_000 }, (_, j) => [`${j}_${"n".repeat(200)}`, "v".repeat(100_000)]));
    for (let i = 0; i < 2_000; i++) {
      log.add({ at: i, action: "A".repeat(10_000), authenticated: true, httpStatus: 200, code: "OK", requestId: String(i), params });
    }
    const kept = log.list();
    const size = JSON.stringify(kept).length;
    assert.ok(kept.length > 0 && kept.length <= MAX_CALLS);
    assert.ok(size < MAX_LOG_CHARS * 1.5, `the log holds ${size} characters`);
    assert.equal(Object.keys(kept[0].params).length, 16);
    assert.equal(kept[0].paramsOmitted, 1_000 - 16);
    assert.equal(kept.at(-1)?.requestId, "1999", "the newest call is kept, the oldest forgotten");
  });
});
