import { DEFAULT_BEHAVIOUR, type CamsEmulator, type EmulatorFaults } from "../../emulator";
import { PHONE_MESSAGE_QRDL_TYPE } from "../../provider/resource/phoneMessageQrdl";
import { BenchStack } from "../engine/benchStack";
import { BENCH_PHONES, declareCodes } from "../engine/declarations";
import { camsLister } from "./camsLister";
import { Interruption, upKilledMidway } from "./interrupt";
import { invariantViolations } from "./invariants";
import { PhaseFigures, errorLines, runPhase } from "./phase";
import { Recovery, recoverInterruptedStack } from "./recovery";

/** The faults the soak injects, on top of CAMS's 5 calls per second; seeded, so a run can be replayed. */
export const SOAK_FAULTS: EmulatorFaults = {
  errorRate: 0.1,
  dropAfterCommitRate: 0.05,
  throttleRate: 0.05,
  latencyMs: 50,
  latencySpikeRate: 0.05,
  latencySpikeMs: 2000,
  seed: 20261125,
};

/** While the interrupted `up` runs, every answer is held back this long after CAMS committed the change. */
const SLOW_ANSWER_MS = 1000;

/** Whether the state agrees with CAMS, as an operator checks it. */
export interface StateCheck {
  /** After the step: what is wrong between program, state and CAMS (empty when nothing is). */
  violations: string[];
  /** What `pulumi refresh` changed (nothing but `same` when the state matched CAMS). */
  refreshChanges: Record<string, number>;
  /** Whether `pulumi preview --expect-no-changes` passed after the refresh. */
  previewNoChanges: boolean;
  error?: string;
}

/** Everything the soak observed. */
export interface SoakResult {
  n: number;
  faults: EmulatorFaults;
  interruption: Interruption;
  recovery: Recovery;
  phases: PhaseFigures[];
  checks: { afterRecoveredUp: StateCheck; afterUpdate: StateCheck };
  /** After destroy: codes left on the phone numbers, and PhoneMessageQrdl resources left in the state. */
  leftAfterDestroy: { codes: number; stateResources: number };
}

async function checkState(bench: BenchStack, emulator: CamsEmulator): Promise<StateCheck> {
  const codes = () => emulator.codes().filter((c) => BENCH_PHONES.includes(c.phoneNumber));
  const violations = invariantViolations(bench.declared, bench.deployment(), codes());
  try {
    const refresh = await bench.stack.refresh();
    await bench.stack.preview({ expectNoChanges: true });
    return { violations, refreshChanges: refresh.summary.resourceChanges ?? {}, previewNoChanges: true };
  } catch (error) {
    return { violations, refreshChanges: {}, previewNoChanges: false, error: errorLines(error) };
  }
}

/**
 * N codes under injected faults: an `up` killed midway, the documented recovery and a rerun, an
 * update of every message, and a destroy; the state is checked against CAMS after each step.
 */
export async function runSoak(emulator: CamsEmulator, n: number, name = `soak-n${n}`): Promise<SoakResult> {
  const bench = await BenchStack.create(name, "cams", emulator);
  const phases: PhaseFigures[] = [];
  try {
    bench.declared = declareCodes(n, 1);
    emulator.configure({ faults: { ...SOAK_FAULTS, latencyMs: SLOW_ANSWER_MS } });
    let interruption: Interruption | undefined;
    phases.push(await runPhase(emulator, "up, killed midway (SIGKILL)", async () => (interruption = await upKilledMidway(bench, emulator, BENCH_PHONES, Math.ceil(n / 2))), 1));
    emulator.configure({ faults: SOAK_FAULTS });

    let recovery: Recovery | undefined;
    phases.push(await runPhase(emulator, "recovery (cancel, export, adopt codes, import, refresh)", async () => (recovery = await recoverInterruptedStack(bench, camsLister(emulator))), 1));
    if (!interruption || !recovery) throw new Error(`the soak could not interrupt or recover the stack:\n${phases.flatMap((p) => p.failedRuns).join("\n")}`);
    phases.push(await runPhase(emulator, "rerun of the interrupted up", () => bench.stack.up()));
    const afterRecoveredUp = await checkState(bench, emulator);

    bench.declared = declareCodes(n, 2);
    phases.push(await runPhase(emulator, "up: update every message", () => bench.stack.up()));
    const afterUpdate = await checkState(bench, emulator);

    phases.push(await runPhase(emulator, "destroy", () => bench.stack.destroy()));
    const leftAfterDestroy = {
      codes: emulator.codes().filter((c) => BENCH_PHONES.includes(c.phoneNumber)).length,
      stateResources: bench.deployment().resources.filter((r) => r.type === PHONE_MESSAGE_QRDL_TYPE).length,
    };
    return { n, faults: SOAK_FAULTS, interruption, recovery, phases, checks: { afterRecoveredUp, afterUpdate }, leftAfterDestroy };
  } finally {
    emulator.configure({ faults: DEFAULT_BEHAVIOUR.faults });
    bench.dispose();
  }
}
