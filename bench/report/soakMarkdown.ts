import type { SoakReport } from "./soakReport";
import { callCells, markdownTable, seconds } from "./format";

const CHECK_LABELS: Record<keyof SoakReport["checks"], string> = {
  afterRecoveredUp: "after the recovery and the rerun of the interrupted up",
  afterUpdate: "after the update of every message",
};

/** The soak report as a Markdown section: faults, phases, recovery, verdict. */
export function soakMarkdown(r: SoakReport): string {
  const f = r.faults;
  const phaseRows = r.phases.map((p) => [
    p.name,
    seconds(p.wallMs),
    ...callCells(p.calls),
    p.succeeded ? String(p.runs) : `failed after ${p.runs}`,
  ]);
  const checks = Object.entries(r.checks).map(([step, c]) => [
    CHECK_LABELS[step as keyof SoakReport["checks"]],
    c.violations.length ? c.violations.join("; ") : "none",
    Object.entries(c.refreshChanges).map(([op, n]) => `${n} ${op}`).join(", ") || "—",
    c.previewNoChanges ? "passed" : `failed: ${c.error}`,
  ]);
  const rec = r.recovery;
  return [
    `### Fault soak: N = ${r.n} codes over 2 phone numbers`,
    "",
    `Run ${r.startedAt} on ${r.machine.cpus} cores (load average at start ${r.machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(" / ")}), Pulumi CLI ${r.machine.pulumiCli}. ` +
      `Emulator: 5 calls/s, ${f.errorRate * 100} % injected 500/503, ${f.dropAfterCommitRate * 100} % connections dropped after the change was committed, ` +
      `${f.throttleRate * 100} % extra throttling, ${f.latencyMs} ms latency with ${f.latencySpikeRate * 100} % spikes of ${f.latencySpikeMs} ms ` +
      "(answers held back 1000 ms during the interrupted up, so the kill lands between CAMS committing a code and the engine hearing of it).",
    "",
    markdownTable(["phase", "wall time", "CAMS calls", "500/503 absorbed", "drops after commit absorbed", "throttling absorbed", "engine runs"], phaseRows),
    "",
    `Totals: ${r.totals.calls} calls (${Object.entries(r.totals.byAction).map(([a, n]) => `${n} ${a}`).join(", ")}); ` +
      `${r.totals.serverErrors} injected 500/503, ${r.totals.dropped} dropped connections, ${r.totals.throttled} throttling answers absorbed; ${r.reruns} engine reruns needed.`,
    "",
    `Interrupted up: SIGKILL to the engine and the provider host once CAMS held ${r.interruption.codesWhenKilled} codes. ` +
      `Recovery found ${Object.entries(rec.pendingOperations).map(([t, n]) => `${n} pending ${t}`).join(", ") || "no pending operations"} and ${rec.locksRemoved} stale lock(s)` +
      `${rec.repairedFiles.length ? `, removed ${rec.repairedFiles.length} empty .attrs file(s)` : ""}; ` +
      `${rec.imported.length} interrupted creates had made a code (adopted into the state), ${rec.cleared.length} had made none (their pending creates removed).`,
    "",
    markdownTable(["state checked", "invariant violations", "refresh changes", "preview --expect-no-changes"], checks),
    "",
    `After destroy: ${r.leftAfterDestroy.codes} codes left in CAMS, ${r.leftAfterDestroy.stateResources} resources left in the state.`,
    "",
    r.failures.length ? `**Soak FAILED:**\n\n${r.failures.map((x) => `- ${x}`).join("\n")}` : "**Soak passed**: every declared code exists exactly once, nothing is orphaned, the state matches CAMS, the interrupted up converged.",
    "",
  ].join("\n");
}
