import type { ConcurrentFigures } from "../concurrent";
import type { LoadedFigures } from "../loaded";
import type { OperationFigures } from "../measure/operation";
import { CAMS_CALLS_PER_SECOND, concurrentFailures, loadedFailures } from "./benchReport";
import { markdownTable, seconds } from "./format";

function rate(o: OperationFigures, calls = o.calls.total): string {
  return `${seconds(o.wallMs)} for ${calls} calls (${(calls / (o.wallMs / 1000)).toFixed(2)} calls/s; ${(o.wallMs / ((calls / CAMS_CALLS_PER_SECOND) * 1000)).toFixed(2)} × calls/5 s)`;
}

function row(what: string, o: OperationFigures): string[] {
  return [what, rate(o), String(o.peakReceivedPerSecond), String(o.calls.throttled), `${Math.round(o.machine.cpuBusy * 100)} % (${o.machine.loadAverage1m.toFixed(2)})`, o.error ? "failed" : "ok"];
}

const HEADER = ["operation", "wall time", "peak calls/s at CAMS (emulator's log, throttled included)", "throttled answers", "machine CPU busy (1-min load)", "result"];

/** The loaded run and the concurrent stacks as Markdown sections. */
export function loadMarkdown(loaded: LoadedFigures, concurrent: ConcurrentFigures): string {
  return [
    `### N = ${loaded.n} codes with every core kept busy by a busy-loop process`,
    "",
    markdownTable(HEADER, [row("`up`", loaded.up), row("`destroy`", loaded.destroy)]),
    "",
    `Codes after up: ${loaded.codesAfterUp} of ${loaded.n}; after destroy: ${loaded.codesAfterDestroy}. Failures: ${loadedFailures(loaded)}.`,
    "",
    `### ${concurrent.stacks} stacks at once on one AccessKey, ${concurrent.codesEach} codes each (separate engines and provider hosts)`,
    "",
    markdownTable(HEADER, [row("`up` of every stack at once", concurrent.up), row("`destroy` of every stack at once", concurrent.destroy)]),
    "",
    `Codes after up: ${concurrent.codesAfterUp} of ${concurrent.stacks * concurrent.codesEach}; after destroy: ${concurrent.codesAfterDestroy}. ` +
      `Failed stack operations: ${concurrent.failedStacks}; failures in all: ${concurrentFailures(concurrent)}.`,
    "",
  ].join("\n");
}
