import type { CallCounts } from "../measure/callCounts";
import type { SoakResult } from "../soak/scenario";

/** The soak's result with its totals and verdict, as written to JSON. */
export interface SoakReport extends SoakResult {
  kind: "soak";
  startedAt: string;
  machine: { cpus: number; loadAverageAtStart: number[]; pulumiCli: string; node: string };
  /** What CAMS answered over the whole soak, every phase together. */
  totals: { calls: number; byAction: Record<string, number>; throttled: number; serverErrors: number; dropped: number };
  /** Engine runs that failed and were run again, outside the deliberate kill. */
  reruns: number;
  /** Every invariant that did not hold; empty when the soak passed. */
  failures: string[];
}

function sum(counts: CallCounts[]): SoakReport["totals"] {
  const byAction: Record<string, number> = {};
  for (const c of counts) for (const [action, n] of Object.entries(c.byAction)) byAction[action] = (byAction[action] ?? 0) + n;
  const total = (pick: (c: CallCounts) => number) => counts.reduce((a, c) => a + pick(c), 0);
  return { calls: total((c) => c.total), byAction, throttled: total((c) => c.throttled), serverErrors: total((c) => c.serverErrors), dropped: total((c) => c.dropped) };
}

/** The invariants of issue 4 that a soak result breaks, each said in one line. */
export function soakFailures(r: SoakResult): string[] {
  const failures: string[] = [];
  if (r.interruption.killedProcesses === 0) failures.push(`the up was not interrupted: ${r.interruption.upError}`);
  for (const p of r.phases) if (!p.succeeded) failures.push(`${p.name} did not succeed in ${p.runs} runs: ${p.failedRuns.at(-1)}`);
  for (const [step, check] of Object.entries(r.checks)) {
    failures.push(...check.violations.map((v) => `${step}: ${v}`));
    if (!check.previewNoChanges) failures.push(`${step}: refresh then preview --expect-no-changes failed: ${check.error}`);
    const changed = Object.entries(check.refreshChanges).filter(([op, n]) => op !== "same" && n > 0);
    if (changed.length) failures.push(`${step}: refresh changed the state (${changed.map(([op, n]) => `${n} ${op}`).join(", ")}): it did not match CAMS`);
  }
  if (r.leftAfterDestroy.codes || r.leftAfterDestroy.stateResources) {
    failures.push(`after destroy: ${r.leftAfterDestroy.codes} codes left in CAMS, ${r.leftAfterDestroy.stateResources} resources left in the state`);
  }
  return failures;
}

/** Adds totals and the verdict to a soak result. */
export function soakReport(run: Pick<SoakReport, "startedAt" | "machine">, result: SoakResult): SoakReport {
  return {
    kind: "soak",
    ...run,
    ...result,
    totals: sum(result.phases.map((p) => p.calls)),
    reruns: result.phases.reduce((a, p) => a + p.runs - 1, 0),
    failures: soakFailures(result),
  };
}
