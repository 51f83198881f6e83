import { strict as assert } from "assert";
import { StacksResult, runStacks, stacksFailures } from "../../bench/soak/stacks";
import { CamsEmulator } from "../../emulator";
import { pulumiCli } from "../../scripts/lib/pulumiCli";
import { assertPackageBuilt, skipIfOptedOut } from "./harness";

/** Codes per stack: small enough for a couple of minutes, enough that the kill lands mid-update. */
const N = 4;

describe("three stacks on one AccessKey and shared phone numbers, identical messages, under injected faults and a killed up", function () {
  let emulator: CamsEmulator;
  let result: StacksResult | undefined;

  before(async function () {
    skipIfOptedOut(this);
    this.timeout(120_000);
    assertPackageBuilt();
    await pulumiCli();
    emulator = await CamsEmulator.start({ behaviour: { qpsPerAccessKey: 0 } });
  });

  after(() => emulator?.close());

  it("applies, updates, survives a killed up and destroys, with every resource owning exactly one code after each step", async function () {
    this.timeout(300_000);
    result = await runStacks(emulator, N, 3, "stacks-e2e");
    const absorbed = result.steps.reduce((a, s) => a + s.calls.dropped + s.calls.serverErrors + s.calls.throttled, 0);
    assert.ok(absorbed > 0, "no fault was injected: the run proves nothing");
    assert.deepEqual(stacksFailures(result), []);
  });
});
