import type { CamsEmulator } from "../emulator";
import { BenchStack, ResourceKind } from "./engine/benchStack";
import { BENCH_PHONES, declareCodes } from "./engine/declarations";
import { OperationFigures, measureOperation } from "./measure/operation";
import { StateFigures, measureState } from "./measure/stateSize";

/** The four engine operations of one suite, measured, and what they left behind. */
export interface SuiteFigures {
  kind: ResourceKind;
  up: OperationFigures;
  preview: OperationFigures;
  refresh: OperationFigures;
  destroy: OperationFigures;
  state: StateFigures;
  /** Codes the emulator held on the benchmark's phone numbers after `up` and after `destroy`. */
  codesAfterUp: number;
  codesAfterDestroy: number;
}

function changesOf(summary: { resourceChanges?: Record<string, number> }): Record<string, number> {
  return summary.resourceChanges ?? {};
}

/** up (create `n`), a no-op preview, refresh and destroy of `n` resources of one kind, each measured. */
export async function runSuite(kind: ResourceKind, n: number, parallel: number | undefined, emulator: CamsEmulator): Promise<SuiteFigures> {
  const bench = await BenchStack.create(`${kind}-n${n}`, kind, emulator);
  const codesOnPhones = () => emulator.codes().filter((c) => BENCH_PHONES.includes(c.phoneNumber)).length;
  try {
    bench.declared = declareCodes(n);
    const stack = bench.stack;
    const up = await measureOperation(emulator, async () => changesOf((await stack.up({ parallel })).summary));
    const state = measureState(bench, n);
    const codesAfterUp = codesOnPhones();
    const preview = await measureOperation(emulator, async () => (await stack.preview({ parallel, expectNoChanges: true })).changeSummary);
    const refresh = await measureOperation(emulator, async () => changesOf((await stack.refresh({ parallel })).summary));
    const destroy = await measureOperation(emulator, async () => changesOf((await stack.destroy({ parallel })).summary));
    return { kind, up, preview, refresh, destroy, state, codesAfterUp, codesAfterDestroy: codesOnPhones() };
  } finally {
    bench.dispose();
  }
}
