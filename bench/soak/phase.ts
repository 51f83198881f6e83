import type { CamsEmulator } from "../../emulator";
import { CallCounts, countCalls } from "../measure/callCounts";

/** One step of the soak: how long it took, what CAMS saw, and how many engine runs it needed. */
export interface PhaseFigures {
  name: string;
  wallMs: number;
  calls: CallCounts;
  /** Engine runs until the step succeeded (1 when the first run did). */
  runs: number;
  /** The error of every run that failed, shortened to its error lines. */
  failedRuns: string[];
  succeeded: boolean;
}

/** The lines of an engine error that say what failed, without the whole progress log. */
export function errorLines(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split("\n").filter((l) => /error|failed/i.test(l) && !/^\s*(err\?|stderr):/.test(l));
  return [...new Set(lines.map((l) => l.trim().slice(0, 300)))].slice(0, 6).join("\n") || text.slice(0, 600);
}

/** Runs `step` until it succeeds, at most `maxRuns` times, counting what CAMS saw meanwhile. */
export async function runPhase(emulator: CamsEmulator, name: string, step: () => Promise<unknown>, maxRuns = 3): Promise<PhaseFigures> {
  emulator.resetCalls();
  const started = performance.now();
  const failedRuns: string[] = [];
  let succeeded = false;
  while (!succeeded && failedRuns.length < maxRuns) {
    try {
      await step();
      succeeded = true;
    } catch (error) {
      failedRuns.push(errorLines(error));
    }
  }
  const runs = failedRuns.length + (succeeded ? 1 : 0);
  return { name, wallMs: Math.round(performance.now() - started), calls: countCalls(emulator.calls()), runs, failedRuns, succeeded };
}
