import type { OperationFigures } from "../measure/operation";
import type { SuiteFigures } from "../suite";
import { BenchReport, CAMS_CALLS_PER_SECOND, failedOperations, failuresOf, peakProviderHostBytes } from "./benchReport";
import { markdownTable, megabytes, seconds, targetCell } from "./format";

function calls(o: OperationFigures): string {
  const actions = Object.entries(o.calls.byAction).map(([a, c]) => `${c} ${a.replace("PhoneMessageQrdl", "")}`);
  return actions.length ? `${o.calls.total} (${actions.join(", ")})` : "0";
}

function failures(count: number, suite: SuiteFigures): string {
  const failed = failedOperations(suite);
  return failed.length ? `${count} (${failed.join(", ")} failed)` : String(count);
}

/** The benchmark report as a Markdown section: the command, the table, the targets. */
export function benchMarkdown(r: BenchReport): string {
  const { baseline: b, cams: c } = r;
  const target = (name: string) => targetCell(r.targets.find((t) => t.name === name)!);
  const rows: string[][] = [
    ["`up` (create N) wall time", seconds(b.up.wallMs), seconds(c.up.wallMs), `≤ 1.15 × floor; floor = N/5 s + baseline = ${seconds(r.floors.up.floorMs)}`, target("up wall time / floor")],
    ["`up` wall time / (N/5 s) alone", "—", `${r.floors.up.rateLimitRatio} × (N/5 = ${seconds(r.floors.up.rateLimitMs)})`, "reported", ""],
    ["`destroy` wall time", seconds(b.destroy.wallMs), seconds(c.destroy.wallMs), `≤ 1.15 × floor; floor = ${seconds(r.floors.destroy.floorMs)}`, target("destroy wall time / floor")],
    ["`destroy` wall time / (N/5 s) alone", "—", `${r.floors.destroy.rateLimitRatio} × (N/5 = ${seconds(r.floors.destroy.rateLimitMs)})`, "reported", ""],
    ["no-op `preview` wall time", seconds(b.preview.wallMs), seconds(c.preview.wallMs), "", ""],
    ["no-op `preview` CAMS calls", "—", calls(c.preview), "0", target("no-op preview: CAMS calls")],
    ["`refresh` wall time", seconds(b.refresh.wallMs), seconds(c.refresh.wallMs), "", ""],
    ["`refresh` CAMS calls", "—", calls(c.refresh), `≤ ${r.phoneNumbers} phone numbers + 2`, target("refresh: CAMS calls")],
    ["`up` CAMS calls", "—", calls(c.up), "", ""],
    ["`destroy` CAMS calls", "—", calls(c.destroy), "", ""],
    ["throttling answers absorbed (up + destroy)", "—", `${c.up.calls.throttled} + ${c.destroy.calls.throttled}`, "", ""],
    ["peak calls per second at CAMS, throttled included (up / destroy)", "—", `${c.up.peakReceivedPerSecond} / ${c.destroy.peakReceivedPerSecond}`, "≤ 5 (CAMS's limit)", ""],
    ["failures", failures(failedOperations(b).length, b), failures(failuresOf(c, r.n), c), "0", target("failures")],
    ["state file bytes per resource (on disk, indented)", String(b.state.fileBytesPerResource), String(c.state.fileBytesPerResource), "", ""],
    ["state entry bytes per resource (compact JSON)", String(b.state.entryBytesPerResource), String(c.state.entryBytesPerResource), "≤ 2048", target("state per resource (compact JSON entry)")],
    ["`__provider` bytes per resource (× copies in state)", `${b.state.providerBytesPerResource} (× ${b.state.providerCopiesPerResource})`, `${c.state.providerBytesPerResource} (× ${c.state.providerCopiesPerResource})`, "≤ 2048", target("__provider per resource")],
    ["provider host peak RSS", megabytes(peakProviderHostBytes(b)), megabytes(peakProviderHostBytes(c)), "≤ 200 MB", target("provider host peak RSS")],
    ["engine (`pulumi`) peak RSS during up", megabytes(b.up.memory.engine.peakBytes), megabytes(c.up.memory.engine.peakBytes), "", ""],
    ["machine CPU busy during up (all processes, 1-min load)", machine(b.up), machine(c.up), "", ""],
  ];
  const met = r.targets.filter((t) => t.met).length;
  return [
    `### N = ${r.n} codes over ${r.phoneNumbers} phone numbers, --parallel ${r.parallel}${r.parallelIsDefault ? " (the CLI's default)" : ""}`,
    "",
    `Run ${r.startedAt} on ${r.machine.cpus} cores (load average at start ${r.machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(" / ")}), ` +
      `Pulumi CLI ${r.machine.pulumiCli}, Node ${r.machine.node}; CAMS emulator in-process with qpsPerAccessKey 5. ` +
      "Baseline: the same engine operations on a dynamic resource whose provider does nothing.",
    "",
    markdownTable(["figure", "baseline (no-op provider)", "pulumi-cams", "target", "met"], rows),
    "",
    `Targets met: ${met} of ${r.targets.length}. up = ${r.floors.up.ratio} × floor, destroy = ${r.floors.destroy.ratio} × floor.`,
    "",
    ...notes(r).map((n) => `- ${n}`),
    "",
  ].join("\n");
}

/** The client's own pace: a call counts until 1050 ms after its answer, 5 at a time (provider/client/rateLimit/). */
const CLIENT_WINDOW_MS = 1050;

/** Where the time and the bytes go, from the measured figures. */
function notes(r: BenchReport): string[] {
  const { baseline: b, cams: c } = r;
  const paced = (o: OperationFigures) => seconds((o.calls.total / CAMS_CALLS_PER_SECOND) * CLIENT_WINDOW_MS);
  const lines = [
    `up made ${c.up.calls.total} calls (N creates + one listing per phone number, taken before the first create so a lost answer can be reconciled); ` +
      `at the client's pace of 5 calls per ${CLIENT_WINDOW_MS} ms plus each call's own time, that alone takes about ${paced(c.up)} or more, against N/5 = ${seconds(r.floors.up.rateLimitMs)}.`,
    `destroy made ${c.destroy.calls.total} calls: about ${paced(c.destroy)} at the client's pace.`,
  ];
  const state = r.targets.find((t) => t.name === "state per resource (compact JSON entry)");
  if (state && !state.met) {
    lines.push(
      `State per resource misses 2 KB for any Node.js dynamic resource: the do-nothing baseline already takes ${b.state.entryBytesPerResource} B, ` +
        `because the engine stores \`__provider\` in both inputs and outputs and records a stack trace per resource. ` +
        `pulumi-cams adds ${c.state.entryBytesPerResource - b.state.entryBytesPerResource} B over the baseline, ` +
        `${c.state.providerCopiesPerResource * (c.state.providerBytesPerResource - b.state.providerBytesPerResource)} B of it its larger stub (seven forwarding functions) stored twice.`,
    );
  }
  return lines;
}

function machine(o: OperationFigures): string {
  return `${Math.round(o.machine.cpuBusy * 100)} % (${o.machine.loadAverage1m.toFixed(2)})`;
}
