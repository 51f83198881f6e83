import * as os from "os";
import { CamsEmulator } from "../emulator";
import { parseRunOptions } from "./cliOptions";
import { preflight } from "./preflight";
import { soakMarkdown } from "./report/soakMarkdown";
import { soakReport } from "./report/soakReport";
import { writeReport } from "./report/write";
import { runSoak } from "./soak/scenario";

/** `npm run soak -- [--n 100] [--out dir]`: N codes through the real engine against a faulty emulator. */
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
}

main().catch((error) => {
  process.stderr.write(`[soak] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
