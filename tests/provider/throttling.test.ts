import { strict as assert } from "assert";
import { CamsError } from "../../provider/errors/camsError";
import { inputs, peakCallsPerSecond, providerFor, useEmulator } from "./fixtures";

describe("throttling and rate limits", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 5 });

  it("30 concurrent creates stay at or under 5 calls per second and all succeed", async function () {
    this.timeout(60_000);
    const provider = providerFor(emulator(), {}, {});
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => provider.create(inputs({ prefilledMessage: `store ${i}` }))));
    assert.equal(new Set(results.map((r) => r.outs!.qrdlCode)).size, 30);
    assert.equal(emulator().codes().length, 30);
    const calls = emulator().calls();
    assert.equal(calls.filter((c) => c.code === "System.LimitControl").length, 0, "the client never needed to be throttled");
    const peak = peakCallsPerSecond(calls.map((c) => c.at));
    assert.ok(peak <= 5, `peak of ${peak} calls in one second`);
  });

  it("retries throttled calls with backoff until they succeed", async () => {
    emulator().configure({ faults: { throttleRate: 0.3 } });
    const observed: string[] = [];
    const provider = providerFor(emulator(), { observe: (e) => observed.push(`${e.operation}:${e.outcome}:${e.code ?? ""}`) }, {});
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => provider.create(inputs({ prefilledMessage: `poster ${i}` }))));
    assert.equal(created.length, 8);
    assert.equal(emulator().codes().length, 8, "no duplicates from retries");
    const throttled = emulator().calls().filter((c) => c.code === "System.LimitControl").length;
    assert.ok(throttled > 0, "the emulator() throttled some calls");
    assert.equal(observed.filter((o) => o.endsWith(":retry:System.LimitControl")).length, throttled, "every throttled call was retried");
  });

  it("gives up after the configured attempts and says what was retried", async () => {
    emulator().configure({ faults: { throttleRate: 1 } });
    await assert.rejects(providerFor(emulator(), {}, {}).create(inputs()), (e: unknown) => {
      assert.ok(e instanceof CamsError);
      assert.equal(e.code, "System.LimitControl");
      assert.equal(e.attempts, 8);
      assert.match(e.message, /after 8 attempts/);
      assert.match(e.hint ?? "", /5 calls per second.*retried 7 time\(s\) with exponential backoff/);
      return true;
    });
  });

  it("retries 5xx answers of idempotent calls", async () => {
    const provider = providerFor(emulator(), {}, {});
    const { id, outs } = await provider.create(inputs());
    emulator().configure({ faults: { errorRate: 0.6 } });
    const read = await providerFor(emulator(), {}, {}).read(id, outs);
    assert.equal(read.props?.qrdlCode, outs!.qrdlCode);
    await provider.delete(id, outs!);
    emulator().configure({ faults: { errorRate: 0 } });
    assert.equal(emulator().codes().length, 0);
  });
});
