import type { CallCounts } from "../measure/callCounts";
import type { TargetCheck } from "./targets";

/** `12.3 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `87.4 MB` (MiB, as the kernel counts resident memory). */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** `✅ 1.04×` or `❌ 1.31×`: whether a target was met, with the measured value. */
export function targetCell(t: TargetCheck): string {
  return `${t.met ? "✅" : "❌"} ${t.measured}${t.unit === "×" ? "×" : ""}`;
}

/** A GitHub Markdown table; `|` inside cells is escaped. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The cells every fault table shows for a step's calls: total, injected 500/503, drops, throttled. */
export function callCells(calls: Pick<CallCounts, "total" | "serverErrors" | "dropped" | "throttled">): string[] {
  return [calls.total, calls.serverErrors, calls.dropped, calls.throttled].map(String);
}
