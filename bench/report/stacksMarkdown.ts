import { stacksFailures, type StacksResult } from "../soak/stacks";
import { callCells, markdownTable, seconds } from "./format";

/** The several-stacks run as a Markdown section: faults, steps, verdict. */
export function stacksMarkdown(r: StacksResult, run: { startedAt: string; machine: { cpus: number; loadAverageAtStart: number[]; pulumiCli: string } }): string {
  const f = r.faults;
  const rows = r.steps.map((s) => [
    s.name,
    seconds(s.wallMs),
    ...callCells(s.calls),
    s.failedRuns.length ? s.failedRuns.join("; ") : "none",
    s.violations.length ? s.violations.join("; ") : "none",
    s.previewNoChanges ? "passed" : `failed: ${s.error}`,
  ]);
  const failures = stacksFailures(r);
  return [
    `### ${r.stacks} stacks at once: ${r.n} codes each on the same 2 phone numbers, identical messages`,
    "",
    `Run ${run.startedAt} on ${run.machine.cpus} cores (load average at start ${run.machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(" / ")}), Pulumi CLI ${run.machine.pulumiCli}. ` +
      `One AccessKey, a separate engine and provider process per stack. Emulator (seed ${f.seed}): ${f.errorRate * 100} % injected 500/503, ` +
      `${f.dropAfterCommitRate * 100} % connections dropped after the change was committed, ${f.throttleRate * 100} % injected throttling, ` +
      `${f.latencyMs} ms latency with ${f.latencySpikeRate * 100} % spikes of ${f.latencySpikeMs} ms (3000 ms while the first stack's up is killed). ` +
      `The first stack's up was killed (${r.killedProcesses} processes) once ${r.committedWhenKilled} of its updates were committed, then rerun after \`pulumi cancel\` and \`pulumi refresh\`.`,
    "",
    markdownTable(["step", "wall time", "CAMS calls", "500/503", "drops after commit", "throttled", "failed engine runs", "invariant violations", "refresh, then preview --expect-no-changes"], rows),
    "",
    `After destroy: ${r.leftAfterDestroy.codes} codes left in CAMS, ${r.leftAfterDestroy.stateResources} resources left in the states.`,
    "",
    failures.length ? `**FAILED:**\n\n${failures.map((x) => `- ${x}`).join("\n")}` : "**Passed**: after every step each declared resource owns exactly one live code, no code is owned twice, nothing is orphaned.",
    "",
  ].join("\n");
}
