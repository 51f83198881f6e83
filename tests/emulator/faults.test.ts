import { strict as assert } from "node:assert";
import type { CamsEmulator } from "../../emulator";
import { camsClient, createCode, listCodes, startEmulator } from "./support/harness";

describe("emulator: injected faults", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());
  afterEach(() => emulator.configure({ faults: { errorRate: 0, dropAfterCommitRate: 0, latencyMs: 0, latencySpikeRate: 0, latencySpikeMs: 0, seed: null } }));

  it("dropAfterCommitRate commits the create, then drops the connection without an answer", async () => {
    emulator.configure({ faults: { dropAfterCommitRate: 1 } });
    emulator.resetCalls();
    await assert.rejects(createCode(camsClient(emulator)), (error: NodeJS.ErrnoException) => {
      assert.match(`${error.code} ${error.message}`, /ECONNRESET|socket hang up/);
      return true;
    });
    assert.equal(emulator.codes().length, 1, "the change must be committed although no answer came");
    assert.deepEqual(emulator.calls().map((c) => [c.httpStatus, c.code]), [[0, "OK"]]);
    emulator.configure({ faults: { dropAfterCommitRate: 0 } });
    assert.deepEqual(await listCodes(camsClient(emulator)), [emulator.codes()[0].qrdlCode]);
  });

  it("errorRate answers 500 InternalError or 503 ServiceUnavailable before changing anything", async () => {
    emulator.configure({ faults: { errorRate: 1 } });
    const client = camsClient(emulator);
    for (let i = 0; i < 4; i++) {
      await assert.rejects(createCode(client), (error: { code: string; statusCode: number }) => {
        assert.ok(
          (error.code === "InternalError" && error.statusCode === 500) || (error.code === "ServiceUnavailable" && error.statusCode === 503),
          `unexpected ${error.code} ${error.statusCode}`,
        );
        return true;
      });
    }
    assert.deepEqual(emulator.codes(), []);
  });

  it("latencyMs and latency spikes delay every API response", async () => {
    emulator.configure({ faults: { latencyMs: 150, latencySpikeRate: 1, latencySpikeMs: 100 } });
    const started = Date.now();
    await listCodes(camsClient(emulator));
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 240, `the answer came after ${elapsed} ms, expected at least 250`);
  });

  it("a seeded emulator injects the same faults in the same order on every run", async () => {
    const client = camsClient(emulator);
    const outcomes = async (): Promise<string[]> => {
      emulator.configure({ faults: { errorRate: 0.5, seed: 7 } });
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) seen.push(await listCodes(client).then(() => "OK", (e: { code: string }) => e.code));
      return seen;
    };
    const first = await outcomes();
    assert.ok(first.includes("OK") && first.some((o) => o !== "OK"), `expected a mix of faults and answers, got ${first.join(",")}`);
    assert.deepEqual(await outcomes(), first, "setting the seed again replays the same faults");
  });
});
