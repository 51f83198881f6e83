import type { CamsEmulator } from "../emulator";
import { BenchStack, ResourceKind } from "./engine/benchStack";
import { BENCH_PHONES, declareCodes } from "./engine/declarations";
import { OperationFigures, measureOperation } from "./measure/operation";
import { StateFigures, measureState } from "./measure/stateSize";

/** The four engine operations of one kind of resource, measured, and what they left behind. */
export interface SuiteFigures {
  kind: ResourceKind;
  up: OperationFigures;
  preview: OperationFigures;
  refresh: OperationFigures;
  destroy: OperationFigures;
  state: StateFigures;
  /** Codes CAMS held on the benchmark's phone numbers after this suite's `up` and `destroy` (0 for the baseline, which makes none). */
  codesAfterUp: number;
  codesAfterDestroy: number;
}

type Operation = "up" | "preview" | "refresh" | "destroy";

function run(stack: BenchStack, op: Operation, parallel: number | undefined): () => Promise<Record<string, number> | undefined> {
  const s = stack.stack;
  switch (op) {
    case "up":
      return async () => (await s.up({ parallel })).summary.resourceChanges;
    case "preview":
      return async () => (await s.preview({ parallel, expectNoChanges: true })).changeSummary;
    case "refresh":
      return async () => (await s.refresh({ parallel })).summary.resourceChanges;
    case "destroy":
      return async () => (await s.destroy({ parallel })).summary.resourceChanges;
  }
}

/**
 * up (create `n`), a no-op preview, refresh and destroy, on the baseline and on pulumi-cams in turn
 * for each operation, so a change in the machine's load between operations hits both alike.
 */
export async function runSuites(n: number, parallel: number | undefined, emulator: CamsEmulator): Promise<Record<ResourceKind, SuiteFigures>> {
  const kinds: ResourceKind[] = ["noop", "cams"];
  const stacks = new Map<ResourceKind, BenchStack>();
  const figures = new Map<ResourceKind, Partial<SuiteFigures>>();
  const codesOnPhones = (kind: ResourceKind) => (kind === "cams" ? emulator.codes().filter((c) => BENCH_PHONES.includes(c.phoneNumber)).length : 0);
  try {
    for (const kind of kinds) {
      const stack = await BenchStack.create(`${kind}-n${n}`, kind, emulator);
      stack.declared = declareCodes(n);
      stacks.set(kind, stack);
      figures.set(kind, { kind });
    }
    for (const op of ["up", "preview", "refresh", "destroy"] as const) {
      for (const kind of kinds) {
        const stack = stacks.get(kind)!;
        const f = figures.get(kind)!;
        f[op] = await measureOperation(emulator, run(stack, op, parallel));
        if (op === "up") Object.assign(f, { state: measureState(stack, n), codesAfterUp: codesOnPhones(kind) });
        if (op === "destroy") f.codesAfterDestroy = codesOnPhones(kind);
      }
    }
    return { noop: figures.get("noop") as SuiteFigures, cams: figures.get("cams") as SuiteFigures };
  } finally {
    for (const stack of stacks.values()) stack.dispose();
  }
}
