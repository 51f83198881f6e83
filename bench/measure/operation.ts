import type { CamsEmulator } from "../../emulator";
import { CallCounts, countCalls, peakAdmittedPerSecond, peakReceivedPerSecond } from "./callCounts";
import { MachineLoad, measureMachineLoad } from "./machineLoad";
import { PeakMemory, PeakMemorySampler } from "./peakMemory";

/** Everything measured about one engine operation. */
export interface OperationFigures {
  /** From the call into the Automation API until it returned. */
  wallMs: number;
  /** Resource changes the engine reported, e.g. `{ create: 100 }`. */
  changes: Record<string, number>;
  /** The operation's error message when it failed. */
  error?: string;
  calls: CallCounts;
  /** The most calls CAMS admitted within one second. */
  peakCallsPerSecond: number;
  /** The most calls that reached CAMS within one second, throttled ones included (the emulator's call log). */
  peakReceivedPerSecond: number;
  memory: PeakMemory;
  machine: MachineLoad;
}

/** Runs one engine operation and measures it; a failure is recorded, not thrown. */
export async function measureOperation(emulator: CamsEmulator, run: () => Promise<Record<string, number> | undefined>): Promise<OperationFigures> {
  emulator.resetCalls();
  const sampler = new PeakMemorySampler().start();
  const machine = measureMachineLoad();
  const started = performance.now();
  let changes: Record<string, number> = {};
  let error: string | undefined;
  try {
    changes = (await run()) ?? {};
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const wallMs = Math.round(performance.now() - started);
  const calls = emulator.calls();
  return { wallMs, changes, error, calls: countCalls(calls), peakCallsPerSecond: peakAdmittedPerSecond(calls), peakReceivedPerSecond: peakReceivedPerSecond(calls), memory: sampler.stop(), machine: machine() };
}
