import * as os from "os";
import { CamsEmulator } from "../emulator";
import { parseRunOptions } from "./cliOptions";
import { preflight } from "./preflight";
import { soakMarkdown } from "./report/soakMarkdown";
import { soakReport } from "./report/soakReport";
import { writeReport } from "./report/write";
import { stacksMarkdown } from "./report/stacksMarkdown";
import { runSoak } from "./soak/scenario";
import { runStacks, stacksFailures } from "./soak/stacks";

/** How many stacks apply at once in the second part of the soak. */
const STACKS = 3;

/**
 * `npm run soak -- [--n 100] [--out dir]`: N codes through the real engine against a faulty emulator,
 * then N codes split over three stacks applying at once on one AccessKey.
 */
async function main(): Promise<void> {
  const options = parseRunOptions(process.argv.slice(2), { n: 100 });
  if (options.parallel !== undefined) throw new Error("--parallel is for the benchmark; the soak runs at the CLI's default");
  const pulumiVersion = await preflight();
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const emulator = await CamsEmulator.start({ behaviour: { qpsPerAccessKey: 5 } });
  try {
    process.stderr.write(`[soak] ${options.n} codes: interrupted up, recovery, rerun, update of every message, destroy\n`);
    const result = await runSoak(emulator, options.n);
    const report = soakReport({ startedAt, machine: { cpus: os.cpus().length, loadAverageAtStart, pulumiCli: pulumiVersion, node: process.version } }, result);
    const markdown = soakMarkdown(report);
    const written = writeReport(options.outDir, `soak-n${options.n}`, report, markdown);
    process.stdout.write(`\n${markdown}\nwritten: ${written.json}, ${written.markdown}\n`);
    if (report.failures.length) process.exitCode = 1;
  } finally {
    await emulator.close();
  }
  await soakStacks(options.n, options.outDir, pulumiVersion);
}

/** The several-stacks run; injected throttling only, as the shared 5 calls/s belongs to the benchmark. */
async function soakStacks(n: number, outDir: string, pulumiCli: string): Promise<void> {
  const perStack = Math.ceil(n / STACKS);
  const run = { startedAt: new Date().toISOString(), machine: { cpus: os.cpus().length, loadAverageAtStart: os.loadavg(), pulumiCli, node: process.version } };
  const emulator = await CamsEmulator.start({ behaviour: { qpsPerAccessKey: 0 } });
  try {
    process.stderr.write(`[soak] ${STACKS} stacks × ${perStack} codes at once: up, update, a killed up and its rerun, destroy\n`);
    const result = await runStacks(emulator, perStack, STACKS);
    const markdown = stacksMarkdown(result, run);
    const written = writeReport(outDir, `soak-stacks-${STACKS}x${perStack}`, { kind: "soak-stacks", ...run, ...result, failures: stacksFailures(result) }, markdown);
    process.stdout.write(`\n${markdown}\nwritten: ${written.json}, ${written.markdown}\n`);
    if (stacksFailures(result).length) process.exitCode = 1;
  } finally {
    await emulator.close();
  }
}

main().catch((error) => {
  process.stderr.write(`[soak] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
