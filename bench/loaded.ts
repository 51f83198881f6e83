import type { CamsEmulator } from "../emulator";
import { BenchStack } from "./engine/benchStack";
import { BENCH_PHONES, declareCodes } from "./engine/declarations";
import { startCpuHog } from "./measure/cpuHog";
import { OperationFigures, measureOperation } from "./measure/operation";

/** `up` and `destroy` of N codes with every core kept busy by other processes. */
export interface LoadedFigures {
  n: number;
  up: OperationFigures;
  destroy: OperationFigures;
  codesAfterUp: number;
  codesAfterDestroy: number;
}

/** The hog never outlives a bench run that went wrong. */
const HOG_LIMIT_MS = 15 * 60_000;

/** Runs up then destroy of `n` codes beside a busy loop on every core: CAMS must still never see more than 5 calls in a second. */
export async function runUnderLoad(n: number, parallel: number | undefined, emulator: CamsEmulator): Promise<LoadedFigures> {
  const stack = await BenchStack.create(`loaded-n${n}`, "cams", emulator);
  stack.declared = declareCodes(n, 2);
  const hog = startCpuHog(HOG_LIMIT_MS);
  try {
    const codesOnPhones = () => emulator.codes().filter((c) => BENCH_PHONES.includes(c.phoneNumber)).length;
    const up = await measureOperation(emulator, async () => (await stack.stack.up({ parallel })).summary.resourceChanges);
    const codesAfterUp = codesOnPhones();
    const destroy = await measureOperation(emulator, async () => (await stack.stack.destroy({ parallel })).summary.resourceChanges);
    return { n, up, destroy, codesAfterUp, codesAfterDestroy: codesOnPhones() };
  } finally {
    hog.stop();
    stack.dispose();
  }
}
