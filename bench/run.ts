import * as os from "os";
import { CamsEmulator } from "../emulator";
import { parseRunOptions } from "./cliOptions";
import { BENCH_PHONES } from "./engine/declarations";
import { preflight } from "./preflight";
import { benchReport, defaultParallelism } from "./report/benchReport";
import { runConcurrentStacks } from "./concurrent";
import { runUnderLoad } from "./loaded";
import { benchMarkdown } from "./report/benchMarkdown";
import { loadMarkdown } from "./report/loadMarkdown";
import { writeReport } from "./report/write";
import { runSuites } from "./suite";

/** Stacks applying at once in the concurrent run. */
const CONCURRENT_STACKS = 3;

/**
 * `npm run bench -- [--n 100] [--parallel P] [--out dir]`: N codes through the real engine against the
 * emulator (5 calls per second), beside the same operations on a do-nothing dynamic resource; then
 * up and destroy of N codes with every core busy, and 3 stacks of N/3 codes applying at once.
 */
async function main(): Promise<void> {
  const options = parseRunOptions(process.argv.slice(2), { n: 100 });
  const pulumiVersion = await preflight();
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const emulator = await CamsEmulator.start({ behaviour: { qpsPerAccessKey: 5 } });
  try {
    log(`${options.n} PhoneMessageQrdl over ${BENCH_PHONES.length} phone numbers, and ${options.n} no-op dynamic resources, operation by operation`);
    const { noop: baseline, cams } = await runSuites(options.n, options.parallel, emulator);
    log(`${options.n} PhoneMessageQrdl up and destroy with a busy loop on every core`);
    const loaded = await runUnderLoad(options.n, options.parallel, emulator);
    log(`${CONCURRENT_STACKS} stacks of ${Math.ceil(options.n / CONCURRENT_STACKS)} PhoneMessageQrdl at once on one AccessKey`);
    const concurrent = await runConcurrentStacks(CONCURRENT_STACKS, Math.ceil(options.n / CONCURRENT_STACKS), options.parallel, emulator);
    const report = benchReport(
      {
        n: options.n,
        parallel: options.parallel ?? defaultParallelism(),
        parallelIsDefault: options.parallel === undefined,
        phoneNumbers: BENCH_PHONES.length,
        startedAt,
        machine: { cpus: os.cpus().length, loadAverageAtStart, pulumiCli: pulumiVersion, node: process.version },
      },
      baseline,
      cams,
      loaded,
      concurrent,
    );
    const markdown = `${benchMarkdown(report)}\n${loadMarkdown(loaded, concurrent)}`;
    const base = `bench-n${options.n}${options.parallel === undefined ? "" : `-p${options.parallel}`}`;
    const written = writeReport(options.outDir, base, report, markdown);
    process.stdout.write(`\n${markdown}\nwritten: ${written.json}, ${written.markdown}\n`);
    if (report.targets.some((t) => !t.met)) process.exitCode = 1;
  } finally {
    await emulator.close();
  }
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

main().catch((error) => {
  process.stderr.write(`[bench] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
