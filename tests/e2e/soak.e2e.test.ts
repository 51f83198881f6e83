import { strict as assert } from "assert";
import { soakFailures } from "../../bench/report/soakReport";
import { SoakResult, runSoak } from "../../bench/soak/scenario";
import { CamsEmulator } from "../../emulator";
import { pulumiCli } from "../../scripts/lib/pulumiCli";
import { assertPackageBuilt, skipIfOptedOut } from "./harness";

/** Small enough to finish in under two minutes, large enough that the kill lands mid-run. */
const N = 20;

describe("PhoneMessageQrdl under injected faults and a killed pulumi up (soak, N = 20)", function () {
  let emulator: CamsEmulator;
  let result: SoakResult;

  before(async function () {
    skipIfOptedOut(this);
    this.timeout(120_000);
    assertPackageBuilt();
    await pulumiCli();
    emulator = await CamsEmulator.start({ behaviour: { qpsPerAccessKey: 5 } });
  });

  after(() => emulator?.close());

  it("runs up (killed midway), recovery, rerun, an update of every message and destroy within two minutes", async function () {
    this.timeout(120_000);
    result = await runSoak(emulator, N, "soak-e2e");
  });

  it("killed the engine while CAMS had committed codes the state did not record yet", function () {
    if (!result) this.skip();
    assert.ok(result.interruption.killedProcesses > 0, `the up was not killed: ${result.interruption.upError}`);
    assert.ok((result.recovery.pendingOperations.creating ?? 0) > 0, `the kill left no pending create: ${JSON.stringify(result.recovery)}`);
    assert.ok(result.recovery.imported.length > 0, "no interrupted create had made a code: the recovery's adoption path was not exercised");
  });

  it("absorbed the injected faults without a failed engine run", function () {
    if (!result) this.skip();
    const absorbed = result.phases.reduce((a, p) => a + p.calls.serverErrors + p.calls.dropped + p.calls.throttled, 0);
    assert.ok(absorbed > 0, "no fault was injected: the soak proves nothing");
    assert.deepEqual(result.phases.filter((p) => p.runs > 1 || !p.succeeded).map((p) => `${p.name}: ${p.failedRuns.join(" | ")}`), []);
  });

  it("leaves every declared code exactly once, nothing orphaned, the state matching CAMS, nothing after destroy", function () {
    if (!result) this.skip();
    assert.deepEqual(soakFailures(result), []);
  });
});
