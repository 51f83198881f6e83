import * as fs from "fs";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { CamsEmulator } from "../emulator";
import { defaultStateFile } from "../emulator/cliArgs";
import { emulatorStackConfig, localStack } from "./lib/localStack";
import { REPO_ROOT } from "./lib/pulumiCli";

/** The demo's operations: `npm run demo -- <up|preview|destroy> [--message "…"]`. */
type Operation = "up" | "preview" | "destroy";

const WORK = path.join(REPO_ROOT, ".work");
const EXAMPLE = path.join(REPO_ROOT, "dist", "examples", "basic", "index.js");
const PORT = Number(process.env.CAMS_EMULATOR_PORT ?? 8790);

function parseArgs(argv: string[]): { operation: Operation; message?: string } {
  const [operation = "up", ...rest] = argv;
  if (!["up", "preview", "destroy"].includes(operation)) {
    throw new Error(`unknown operation "${operation}": use up, preview or destroy (e.g. npm run demo -- preview --message "New text")`);
  }
  const at = rest.indexOf("--message");
  return { operation: operation as Operation, message: at >= 0 ? rest[at + 1] : undefined };
}

/** Runs examples/basic afresh on every engine operation (its module declares resources on load). */
async function exampleProgram(): Promise<Record<string, unknown>> {
  for (const file of Object.keys(require.cache)) if (file.startsWith(path.dirname(EXAMPLE))) delete require.cache[file];
  return { ...(require(EXAMPLE) as Record<string, unknown>) };
}

async function demoStack(emulator: CamsEmulator, message: string | undefined): Promise<Stack> {
  const stack = await localStack({
    workDir: REPO_ROOT,
    stateDir: path.join(WORK, "demo"),
    projectName: "pulumi-cams-demo",
    stackName: "demo",
    program: exampleProgram,
    config: emulatorStackConfig(emulator),
  });
  // --message applies to this run only; without it the example's own text is declared.
  if (message !== undefined) await stack.setConfig("pulumi-cams-demo:message", { value: message });
  else await stack.removeConfig("pulumi-cams-demo:message");
  return stack;
}

async function saveQrImage(url: string, code: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`downloading ${url} failed: HTTP ${response.status}`);
  const file = path.join(WORK, "demo", `qr-${code}${path.extname(new URL(url).pathname)}`);
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

async function main(): Promise<void> {
  const { operation, message } = parseArgs(process.argv.slice(2));
  fs.mkdirSync(path.join(WORK, "demo"), { recursive: true });
  // The file `npm run emulator` uses on the same port, so it serves the demo's images afterwards.
  const stateFile = path.join(REPO_ROOT, defaultStateFile(PORT) ?? ".work/emulator/state.json");
  const emulator = await CamsEmulator.start({ port: PORT, stateFile }).catch((e: Error) => {
    throw new Error(`could not start the CAMS emulator on port ${PORT} (${e.message}); stop whatever uses it or set CAMS_EMULATOR_PORT`);
  });
  console.log(`[demo] CAMS emulator listening at ${emulator.url} (state: ${path.relative(REPO_ROOT, stateFile)})`);
  try {
    const stack = await demoStack(emulator, message);
    const onOutput = (text: string) => process.stdout.write(text);
    if (operation === "preview") {
      await stack.preview({ onOutput });
      return;
    }
    if (operation === "destroy") {
      await stack.destroy({ onOutput });
      console.log("\n[demo] destroyed: the emulator holds no code of this stack any more.");
      return;
    }
    const result = await stack.up({ onOutput });
    const out = (key: string) => String(result.outputs[key]?.value ?? "");
    const saved = await saveQrImage(out("qrImageUrl"), out("qrdlCode"));
    console.log(
      [
        "",
        `[demo] deep link:     ${out("deepLinkUrl")}`,
        `[demo] QR image URL:  ${out("qrImageUrl")}  (served while the emulator runs: npm run emulator)`,
        `[demo] QR image file: ${path.relative(process.cwd(), saved)}`,
        "",
        `[demo] preview a change: npm run demo -- preview --message "Hi, I'm at store 42 (new hours)"`,
        "[demo] tear it down:     npm run demo -- destroy",
      ].join("\n"),
    );
  } finally {
    await emulator.close();
  }
}

main().catch((error: Error) => {
  console.error(`\n[demo] failed: ${error.message}`);
  process.exitCode = 1;
});
