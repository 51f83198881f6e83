import type { BenchKind } from "../engine/benchStack";
import type { AddedState } from "../measure/addedState";
import type { OperationFigures } from "../measure/operation";
import { markdownTable, megabytes, seconds } from "./format";

/** What `npm run bench:plugin` measured of each kind of resource. */
export interface PluginBenchReport {
  kind: "plugin-bench";
  n: number;
  phoneNumbers: number;
  startedAt: string;
  machine: { cpus: number; loadAverageAtStart: number[]; pulumiCli: string; node: string };
  /** The plugin archive the run installed: its file name and size. */
  archive: { file: string; bytes: number };
  /** Per kind; `state` for the two kinds of PhoneMessageQrdl. */
  kinds: Record<BenchKind, { up: OperationFigures; destroy: OperationFigures; state?: AddedState }>;
}

const COLUMNS: Array<[BenchKind, string]> = [
  ["noop", "do-nothing dynamic resource"],
  ["cams", "PhoneMessageQrdl (dynamic resource)"],
  ["plugin", "cams:index:PhoneMessageQrdl (plugin)"],
];

/** The plugin benchmark as a Markdown section. */
export function pluginMarkdown(r: PluginBenchReport): string {
  const row = (figure: string, cell: (kind: BenchKind) => string) => [figure, ...COLUMNS.map(([kind]) => cell(kind))];
  const state = (kind: BenchKind, pick: (s: AddedState) => number) => (r.kinds[kind].state ? String(pick(r.kinds[kind].state!)) : "—");
  const rss = (o: OperationFigures) => o.memory.providerHost.peakBytes;
  const rows = [
    row("`up` (create N) wall time", (k) => seconds(r.kinds[k].up.wallMs) + failed(r.kinds[k].up)),
    row("`destroy` wall time", (k) => seconds(r.kinds[k].destroy.wallMs) + failed(r.kinds[k].destroy)),
    row("CAMS calls (up + destroy)", (k) => `${r.kinds[k].up.calls.total} + ${r.kinds[k].destroy.calls.total}`),
    row("provider peak RSS (up, destroy)", (k) => megabytes(Math.max(rss(r.kinds[k].up), rss(r.kinds[k].destroy)))),
    row("state entry bytes per resource (compact JSON)", (k) => state(k, (s) => s.entryBytes)),
    row("… of it the engine's own record (URN, stack trace…)", (k) => state(k, (s) => s.engineRecordBytes)),
    row("bytes the package adds over a do-nothing resource of its kind (goal for the plugin ≤ 512)", (k) => state(k, (s) => s.packageBytes)),
  ];
  return [
    `### N = ${r.n} codes over ${r.phoneNumbers} phone numbers: the plugin beside the dynamic resource`,
    "",
    `Run ${r.startedAt} on ${r.machine.cpus} cores (load average at start ${r.machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(" / ")}), ` +
      `Pulumi CLI ${r.machine.pulumiCli}, Node ${r.machine.node}; CAMS emulator in-process with qpsPerAccessKey 5; ` +
      `plugin installed from ${r.archive.file} (${megabytes(r.archive.bytes)}).`,
    "",
    markdownTable(["figure", ...COLUMNS.map(([, title]) => title)], rows),
    "",
    "- A do-nothing resource of the same kind keeps the engine's record and holds the two declared inputs as inputs and outputs; a dynamic one also its own serialized provider, twice.",
    "- The dynamic resource adds its larger serialized provider (twice) and the outputs CAMS issues; the plugin adds only the outputs and the defaulted inputs.",
    "",
  ].join("\n");
}

function failed(o: OperationFigures): string {
  return o.error ? ` (failed: ${o.error.split("\n")[0]})` : "";
}
