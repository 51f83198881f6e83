import type { CamsEmulator } from "../emulator";
import { BenchStack } from "./engine/benchStack";
import { BENCH_PHONES, declareCodes } from "./engine/declarations";
import { OperationFigures, measureOperation } from "./measure/operation";

/** Several stacks (each its own engine and provider host) applying at once on one AccessKey. */
export interface ConcurrentFigures {
  stacks: number;
  codesEach: number;
  up: OperationFigures;
  destroy: OperationFigures;
  /** Stacks whose up or destroy failed. */
  failedStacks: number;
  codesAfterUp: number;
  codesAfterDestroy: number;
}

/** Runs `up` of `codesEach` codes on `stacks` stacks at once, then `destroy` of all at once, on the same phone numbers and key. */
export async function runConcurrentStacks(stacks: number, codesEach: number, parallel: number | undefined, emulator: CamsEmulator): Promise<ConcurrentFigures> {
  const all: BenchStack[] = [];
  let failedStacks = 0;
  const together = (op: (s: BenchStack) => Promise<Record<string, number> | undefined>) => async () => {
    const settled = await Promise.allSettled(all.map(op));
    const failed = settled.filter((s) => s.status === "rejected") as PromiseRejectedResult[];
    failedStacks += failed.length;
    if (failed.length) throw new Error(failed.map((f) => String(f.reason instanceof Error ? f.reason.message : f.reason)).join("\n"));
    return sumChanges(settled.map((s) => (s as PromiseFulfilledResult<Record<string, number> | undefined>).value ?? {}));
  };
  const codesOnPhones = () => emulator.codes().filter((c) => BENCH_PHONES.includes(c.phoneNumber)).length;
  try {
    for (let i = 0; i < stacks; i++) {
      const stack = await BenchStack.create(`stack${i}-n${codesEach}`, "cams", emulator);
      stack.declared = declareCodes(codesEach, 10 + i);
      all.push(stack);
    }
    const up = await measureOperation(emulator, together(async (s) => (await s.stack.up({ parallel })).summary.resourceChanges));
    const codesAfterUp = codesOnPhones();
    const destroy = await measureOperation(emulator, together(async (s) => (await s.stack.destroy({ parallel })).summary.resourceChanges));
    return { stacks, codesEach, up, destroy, failedStacks, codesAfterUp, codesAfterDestroy: codesOnPhones() };
  } finally {
    all.forEach((s) => s.dispose());
  }
}

function sumChanges(all: Array<Record<string, number>>): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const changes of all) for (const [k, v] of Object.entries(changes)) sum[k] = (sum[k] ?? 0) + v;
  return sum;
}
