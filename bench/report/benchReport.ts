import * as os from "os";
import type { ConcurrentFigures } from "../concurrent";
import type { LoadedFigures } from "../loaded";
import type { SuiteFigures } from "../suite";
import { TargetCheck, atMost } from "./targets";

/** CAMS's documented limit: 5 calls per second per account. */
export const CAMS_CALLS_PER_SECOND = 5;

/** The engine's `--parallel` when none is given: 4 per core (Pulumi 3.259). */
export function defaultParallelism(): number {
  return os.cpus().length * 4;
}

/** A floor and how close an operation came to it. */
export interface FloorFigures {
  /** N / 5 s: the time CAMS's rate limit alone imposes on N calls. */
  rateLimitMs: number;
  /** The baseline's wall time for the same operation: what the engine alone costs. */
  engineMs: number;
  floorMs: number;
  /** Measured wall time / floor. */
  ratio: number;
  /** Measured wall time / (N / 5 s): against CAMS's rate limit alone. */
  rateLimitRatio: number;
}

/** The whole benchmark report, as written to JSON. */
export interface BenchReport {
  kind: "bench";
  n: number;
  parallel: number;
  parallelIsDefault: boolean;
  phoneNumbers: number;
  startedAt: string;
  machine: { cpus: number; loadAverageAtStart: number[]; pulumiCli: string; node: string };
  baseline: SuiteFigures;
  cams: SuiteFigures;
  floors: { up: FloorFigures; destroy: FloorFigures };
  /** up and destroy with every core kept busy by other processes. */
  loaded: LoadedFigures;
  /** Several stacks applying at once on one AccessKey. */
  concurrent: ConcurrentFigures;
  targets: TargetCheck[];
}

function floor(n: number, camsMs: number, baselineMs: number): FloorFigures {
  const rateLimitMs = (n / CAMS_CALLS_PER_SECOND) * 1000;
  const floorMs = rateLimitMs + baselineMs;
  return { rateLimitMs, engineMs: baselineMs, floorMs, ratio: Number((camsMs / floorMs).toFixed(3)), rateLimitRatio: Number((camsMs / rateLimitMs).toFixed(3)) };
}

/** The suite's operations that failed. */
export function failedOperations(suite: SuiteFigures): string[] {
  return (["up", "preview", "refresh", "destroy"] as const).filter((op) => suite[op].error);
}

/** Operations that failed, plus declared codes missing after up or left after destroy. */
export function failuresOf(suite: SuiteFigures, n: number): number {
  return failedOperations(suite).length + Math.abs(n - suite.codesAfterUp) + suite.codesAfterDestroy;
}

/** The largest resident set the provider host reached in any of the suite's operations. */
export function peakProviderHostBytes(suite: SuiteFigures): number {
  return Math.max(...[suite.up, suite.preview, suite.refresh, suite.destroy].map((o) => o.memory.providerHost.peakBytes));
}

/** Puts the two suites side by side, with the loaded and concurrent runs, and checks every target. */
export function benchReport(
  run: Pick<BenchReport, "n" | "parallel" | "parallelIsDefault" | "phoneNumbers" | "startedAt" | "machine">,
  baseline: SuiteFigures,
  cams: SuiteFigures,
  loaded: LoadedFigures,
  concurrent: ConcurrentFigures,
): BenchReport {
  const floors = { up: floor(run.n, cams.up.wallMs, baseline.up.wallMs), destroy: floor(run.n, cams.destroy.wallMs, baseline.destroy.wallMs) };
  const MB = 1024 * 1024;
  const targets: TargetCheck[] = [
    atMost("up wall time / floor", floors.up.ratio, 1.15, "×"),
    atMost("destroy wall time / floor", floors.destroy.ratio, 1.15, "×"),
    atMost("failures", failuresOf(cams, run.n), 0, ""),
    atMost("no-op preview: CAMS calls", cams.preview.calls.total, 0, "calls"),
    atMost("refresh: CAMS calls", cams.refresh.calls.total, run.phoneNumbers + 2, "calls"),
    atMost("state per resource (compact JSON entry)", cams.state.entryBytesPerResource, 2048, "B"),
    atMost("__provider per resource", cams.state.providerBytesPerResource, 2048, "B"),
    atMost("provider host peak RSS", Number((peakProviderHostBytes(cams) / MB).toFixed(1)), 200, "MB"),
    atMost("peak calls per second at CAMS, every core busy", Math.max(loaded.up.peakReceivedPerSecond, loaded.destroy.peakReceivedPerSecond), CAMS_CALLS_PER_SECOND, "calls"),
    atMost("failures with every core busy", loadedFailures(loaded), 0, ""),
    atMost(`peak calls per second at CAMS, ${concurrent.stacks} stacks at once`, Math.max(concurrent.up.peakReceivedPerSecond, concurrent.destroy.peakReceivedPerSecond), CAMS_CALLS_PER_SECOND, "calls"),
    atMost(`failures, ${concurrent.stacks} stacks at once`, concurrentFailures(concurrent), 0, ""),
  ];
  return { kind: "bench", ...run, baseline, cams, floors, loaded, concurrent, targets };
}

/** Failed operations of the loaded run, plus codes missing after its up or left after its destroy. */
export function loadedFailures(loaded: LoadedFigures): number {
  return [loaded.up, loaded.destroy].filter((o) => o.error).length + Math.abs(loaded.n - loaded.codesAfterUp) + loaded.codesAfterDestroy;
}

/** Failed stack operations of the concurrent run, plus declared codes missing after up or left after destroy. */
export function concurrentFailures(c: ConcurrentFigures): number {
  return c.failedStacks + Math.abs(c.stacks * c.codesEach - c.codesAfterUp) + c.codesAfterDestroy;
}
