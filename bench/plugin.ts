import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CamsEmulator, DEMO_CREDENTIAL } from "../emulator";
import { PHONE_MESSAGE_QRDL_TYPE } from "../provider";
import { PHONE_MESSAGE_QRDL_TOKEN } from "../provider/plugin/camsPlugin";
import { installPlugin, pluginArchive } from "../scripts/lib/pluginPackage";
import { pulumiCli } from "../scripts/lib/pulumiCli";
import { parseRunOptions } from "./cliOptions";
import { BenchKind, BenchStack } from "./engine/benchStack";
import { BENCH_PHONES, declareCodes } from "./engine/declarations";
import { addedState, declaredInputs } from "./measure/addedState";
import { measureOperation } from "./measure/operation";
import { preflight } from "./preflight";
import { PluginBenchReport, pluginMarkdown } from "./report/pluginMarkdown";
import { writeReport } from "./report/write";

const KINDS: BenchKind[] = ["noop", "cams", "plugin"];

/**
 * `npm run bench:plugin -- [--n 20] [--parallel P] [--out dir]`: the provider plugin beside the dynamic
 * resource (and the do-nothing baseline) in one run, operation by operation, against the emulator.
 */
async function main(): Promise<void> {
  const options = parseRunOptions(process.argv.slice(2), { n: 20 });
  const pulumiVersion = await preflight();
  const pulumi = (await pulumiCli()).command;
  const archive = pluginArchive();
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const emulator = await CamsEmulator.start({ behaviour: { qpsPerAccessKey: 5 } });
  const stacks = new Map<BenchKind, BenchStack>();
  try {
    for (const kind of KINDS) {
      const stack = await BenchStack.create(`plugin-bench-${kind}-n${options.n}`, kind, emulator);
      stack.declared = declareCodes(options.n);
      stacks.set(kind, stack);
    }
    const plugin = stacks.get("plugin")!;
    installPlugin(pulumi, plugin.pulumiHome);
    // The engine hands the plugin only `cams:*` keys: the same credentials under its own names.
    await plugin.stack.setAllConfig({ "cams:accessKey": { value: DEMO_CREDENTIAL.accessKeyId }, "cams:secretKey": { value: DEMO_CREDENTIAL.accessKeySecret, secret: true } });
    log(`${options.n} codes each as the dynamic resource and as the plugin's resource, beside ${options.n} no-op dynamic resources`);

    const parallel = options.parallel;
    const figures: Partial<PluginBenchReport["kinds"]> = {};
    for (const kind of KINDS) {
      const s = stacks.get(kind)!.stack;
      figures[kind] = { up: await measureOperation(emulator, async () => (await s.up({ parallel })).summary.resourceChanges) } as PluginBenchReport["kinds"][BenchKind];
    }
    const noopProvider = stacks.get("noop")!.deployment().resources.find((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))?.inputs?.__provider;
    const entries = (kind: BenchKind, type: string) => stacks.get(kind)!.deployment().resources.filter((r) => r.type === type);
    figures.cams!.state = addedState(entries("cams", PHONE_MESSAGE_QRDL_TYPE), (inputs) => ({ ...declaredInputs(inputs), __provider: noopProvider }));
    figures.plugin!.state = addedState(entries("plugin", PHONE_MESSAGE_QRDL_TOKEN), declaredInputs);
    for (const kind of KINDS) {
      const s = stacks.get(kind)!.stack;
      figures[kind]!.destroy = await measureOperation(emulator, async () => (await s.destroy({ parallel })).summary.resourceChanges);
    }

    const report: PluginBenchReport = {
      kind: "plugin-bench",
      n: options.n,
      phoneNumbers: BENCH_PHONES.length,
      startedAt,
      machine: { cpus: os.cpus().length, loadAverageAtStart, pulumiCli: pulumiVersion, node: process.version },
      archive: { file: path.basename(archive), bytes: fs.statSync(archive).size },
      kinds: figures as PluginBenchReport["kinds"],
    };
    const markdown = pluginMarkdown(report);
    const written = writeReport(options.outDir, `plugin-n${options.n}`, report, markdown);
    process.stdout.write(`\n${markdown}\nwritten: ${written.json}, ${written.markdown}\n`);
    if ((report.kinds.plugin.state?.packageBytes ?? Infinity) > 512 || report.kinds.plugin.up.error || report.kinds.plugin.destroy.error) process.exitCode = 1;
  } finally {
    for (const stack of stacks.values()) stack.dispose();
    await emulator.close();
  }
}

function log(message: string): void {
  process.stderr.write(`[bench:plugin] ${message}\n`);
}

main().catch((error) => {
  process.stderr.write(`[bench:plugin] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
