import * as fs from "fs";
import { DEFAULT_BEHAVIOUR, type CamsEmulator, type EmulatorFaults } from "../../emulator";
import { PHONE_MESSAGE_QRDL_TYPE } from "../../provider/resource/phoneMessageQrdl";
import { BenchStack } from "../engine/benchStack";
import { BENCH_PHONES, declareCodes } from "../engine/declarations";
import { CallCounts, countCalls } from "../measure/callCounts";
import { descendantsOf, listProcesses } from "../measure/processTree";
import { errorLines } from "./phase";
import { removeEmptyAttrs } from "./recovery";
import { stacksViolations } from "./stacksInvariants";

/** The faults injected while several stacks apply at once; seeded, so a run can be replayed. */
export const STACKS_FAULTS: EmulatorFaults = {
  errorRate: 0.05,
  dropAfterCommitRate: 0.08,
  throttleRate: 0.05,
  latencyMs: 30,
  latencySpikeRate: 0.05,
  latencySpikeMs: 1000,
  seed: 20261125,
};

/** One step of the run, every stack at once, and the state checked after it. */
export interface StacksStep {
  name: string;
  wallMs: number;
  calls: CallCounts;
  /** Engine runs that failed, by stack (the deliberate kill excluded). */
  failedRuns: string[];
  /** What is wrong between the stacks' programs, their states and CAMS after the step. */
  violations: string[];
  /** Whether every stack's `pulumi refresh` then `pulumi preview --expect-no-changes` passed. */
  previewNoChanges: boolean;
  error?: string;
}

/** Everything the run observed. */
export interface StacksResult {
  stacks: number;
  n: number;
  faults: EmulatorFaults;
  steps: StacksStep[];
  /** Processes killed in the interrupted `up` of the first stack. */
  killedProcesses: number;
  /** Updates of the first stack CAMS had committed when its `up` was killed. */
  committedWhenKilled: number;
  leftAfterDestroy: { codes: number; stateResources: number };
}

/** The `pulumi up` started from `workDir` by this process, and its descendants (the provider host). */
function upTreeIn(workDir: string): number[] {
  const processes = listProcesses();
  const cwd = (pid: number) => {
    try {
      return fs.realpathSync(`/proc/${pid}/cwd`);
    } catch {
      return "";
    }
  };
  const engine = descendantsOf(process.pid, processes).find((p) => /(^|\/)pulumi up\b/.test(p.command) && cwd(p.pid) === fs.realpathSync(workDir));
  return engine ? [engine.pid, ...descendantsOf(engine.pid, processes).map((p) => p.pid)] : [];
}

/**
 * `count` stacks on one AccessKey declare `n` codes each over the same two phone numbers, with the
 * same messages: they apply at once, update every message at once, the first one's `up` is killed
 * midway (SIGKILL) while the others apply, then rerun after `cancel` and `refresh`; then all destroy.
 */
export async function runStacks(emulator: CamsEmulator, n: number, count = 3, name = "stacks"): Promise<StacksResult> {
  const stacks = await Promise.all(Array.from({ length: count }, (_, i) => BenchStack.create(`${name}-s${i}`, "cams", emulator)));
  const codes = () => emulator.codes().filter((c) => BENCH_PHONES.includes(c.phoneNumber));
  const steps: StacksStep[] = [];
  const step = async (label: string, run: (s: BenchStack, i: number) => Promise<unknown>, check = true): Promise<void> => {
    emulator.resetCalls();
    const started = performance.now();
    const failures = await Promise.all(stacks.map((s, i) => run(s, i).then(() => undefined, (e: unknown) => `stack ${i}: ${errorLines(e)}`)));
    const wallMs = Math.round(performance.now() - started);
    const calls = countCalls(emulator.calls());
    const views = stacks.map((s, i) => ({ name: `stack ${i}`, declared: s.declared, deployment: s.deployment() }));
    const violations = stacksViolations(views, codes());
    const verify = (s: BenchStack) => (check ? s.stack.refresh().then(() => s.stack.preview({ expectNoChanges: true })) : Promise.resolve());
    const checked = await Promise.all(stacks.map((s) => verify(s).then(() => undefined, errorLines)));
    const error = checked.filter(Boolean).join("\n") || undefined;
    steps.push({ name: label, wallMs, calls, failedRuns: failures.filter((f): f is string => f !== undefined), violations, previewNoChanges: !error, error });
  };
  try {
    emulator.configure({ faults: STACKS_FAULTS });
    for (const s of stacks) s.declared = declareCodes(n, 1);
    await step(`up, ${count} stacks at once`, (s) => s.stack.up());
    for (const s of stacks) s.declared = declareCodes(n, 2);
    await step(`update every message, ${count} stacks at once`, (s) => s.stack.up());

    for (const s of stacks) s.declared = declareCodes(n, 3);
    let killedProcesses = 0;
    let committedWhenKilled = 0;
    // Answers held back, so the kill lands between CAMS committing updates and the engine hearing of them.
    emulator.configure({ faults: { latencyMs: 3000 } });
    await step("first stack's up killed midway (SIGKILL) while the others apply; then cancel, refresh, up", async (s, i) => {
      if (i > 0) return s.stack.up();
      let finished = false;
      const up = s.stack.up().then(() => "completed", () => "killed").finally(() => (finished = true));
      const before = s.deployment().resources.filter((r) => r.type === PHONE_MESSAGE_QRDL_TYPE).map((r) => String(r.outputs?.qrdlCode));
      // CAMS reissues a code on update: a code of the state gone means its update was committed.
      const updated = () => before.length - codes().filter((c) => before.includes(c.qrdlCode)).length;
      const deadline = Date.now() + 120_000;
      while (!finished && updated() < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      committedWhenKilled = updated();
      const tree = upTreeIn(s.workDir);
      for (const pid of tree) process.kill(pid, "SIGKILL");
      killedProcesses = tree.length;
      await up;
      emulator.configure({ faults: { latencyMs: STACKS_FAULTS.latencyMs } });
      removeEmptyAttrs(s.backendDir);
      await s.stack.cancel();
      await s.stack.refresh();
      return s.stack.up();
    });
    for (const s of stacks) s.declared = [];
    await step(`destroy, ${count} stacks at once`, (s) => s.stack.destroy(), false);
    const leftAfterDestroy = {
      codes: codes().length,
      stateResources: stacks.reduce((a, s) => a + s.deployment().resources.filter((r) => r.type === PHONE_MESSAGE_QRDL_TYPE).length, 0),
    };
    return { stacks: count, n, faults: STACKS_FAULTS, steps, killedProcesses, committedWhenKilled, leftAfterDestroy };
  } finally {
    emulator.configure({ faults: DEFAULT_BEHAVIOUR.faults });
    for (const s of stacks) s.dispose();
  }
}

/** Every invariant a run broke, one line each; empty when it passed. */
export function stacksFailures(r: StacksResult): string[] {
  const failures: string[] = [];
  if (r.killedProcesses === 0 || r.committedWhenKilled === 0) failures.push(`the first stack's up was not killed after an update was committed (${r.killedProcesses} processes killed)`);
  for (const s of r.steps) {
    failures.push(...s.failedRuns.map((f) => `${s.name}: ${f}`), ...s.violations.map((v) => `${s.name}: ${v}`));
    if (!s.previewNoChanges) failures.push(`${s.name}: refresh then preview --expect-no-changes failed: ${s.error}`);
  }
  if (r.leftAfterDestroy.codes || r.leftAfterDestroy.stateResources) {
    failures.push(`after destroy: ${r.leftAfterDestroy.codes} codes left in CAMS, ${r.leftAfterDestroy.stateResources} resources left in the states`);
  }
  return failures;
}
