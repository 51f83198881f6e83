import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { Stack } from "@pulumi/pulumi/automation";
import type { CamsEmulator } from "../../emulator";
import { PhoneMessageQrdl, PhoneMessageQrdlArgs } from "../../provider";
import { StateResource, emulatorStackConfig, localStack, stateFile } from "../../scripts/lib/localStack";
import { CliResult, runWithInlineProgram } from "../../scripts/lib/inlineCli";
import { REPO_ROOT, pulumiCli } from "../../scripts/lib/pulumiCli";
import { startEmulator } from "../provider/fixtures";

/** One PhoneMessageQrdl the test program declares. */
export interface Declaration {
  name: string;
  args: PhoneMessageQrdlArgs;
  opts?: pulumi.CustomResourceOptions;
}

/** Set to opt out of the engine tests on a machine without Go or Pulumi; the run says so loudly. */
export const SKIP_E2E_VARIABLE = "PULUMI_CAMS_SKIP_E2E";

/** Skips the suite only when the user opted out explicitly, with a notice nobody can miss. */
export function skipIfOptedOut(context: Mocha.Context): void {
  if (process.env[SKIP_E2E_VARIABLE] !== "1") return;
  process.stderr.write(
    `\n${"!".repeat(78)}\n!! ${SKIP_E2E_VARIABLE}=1: the end-to-end tests under the real Pulumi engine are NOT running.\n` +
      `!! Nothing below proves the package works under \`pulumi up\`. Unset it to run them.\n${"!".repeat(78)}\n\n`,
  );
  context.skip();
}

/**
 * A stack under the real engine whose program declares whatever `declared` holds at the time of
 * each operation, with the provider host resolving `pulumi-cams` from `workDir`.
 */
export class EngineStack {
  declared: Declaration[] = [];
  readonly program = async (): Promise<Record<string, unknown>> => {
    const outputs: Record<string, unknown> = {};
    for (const d of this.declared) {
      const qr = new PhoneMessageQrdl(d.name, d.args, d.opts);
      outputs[d.name] = { id: qr.id, qrdlCode: qr.qrdlCode, deepLinkUrl: qr.deepLinkUrl, qrImageUrl: qr.qrImageUrl, prefilledMessage: qr.prefilledMessage };
    }
    return outputs;
  };

  private constructor(
    readonly stack: Stack,
    readonly workDir: string,
    readonly projectName: string,
  ) {}

  /** A fresh stack in `.work/e2e/<name>` configured for the emulator (the secret as a Pulumi secret). */
  static async create(name: string, emulator: CamsEmulator, workDir = freshWorkDir(name)): Promise<EngineStack> {
    const projectName = `cams-e2e-${name}`;
    let self: EngineStack | undefined;
    const stack = await localStack({
      workDir,
      projectName,
      stackName: "test",
      program: () => self!.program(),
      config: emulatorStackConfig(emulator),
    });
    self = new EngineStack(stack, workDir, projectName);
    return self;
  }

  /** Runs any CLI command against this stack's program, e.g. `preview --json`. */
  cli(args: string[]): Promise<CliResult> {
    return runWithInlineProgram(this.stack, () => this.program(), args);
  }

  /** The stack's state file as text. */
  stateText(): string {
    return fs.readFileSync(stateFile(path.join(this.workDir, ".pulumi-state"), this.projectName, "test"), "utf8");
  }

  /** The resources of the stack's state. */
  resources(): StateResource[] {
    return JSON.parse(this.stateText()).checkpoint.latest?.resources ?? [];
  }

  /** Removes the stack's working directory. */
  dispose(): void {
    fs.rmSync(this.workDir, { recursive: true, force: true });
  }
}

/** A new, empty working directory inside the repo, so the provider host resolves `pulumi-cams` as installed. */
export function freshWorkDir(name: string): string {
  const dir = path.join(REPO_ROOT, ".work", "e2e", `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Fails early, with the fix, when the compiled package the provider host loads is missing. */
export function assertPackageBuilt(): void {
  const lifecycle = path.join(REPO_ROOT, "dist", "provider", "lifecycle", "index.js");
  if (!fs.existsSync(lifecycle)) {
    throw new Error(`${lifecycle} is missing: the provider host loads the compiled package. Run \`npm run build\` (npm test does).`);
  }
}

/**
 * One emulator and one engine stack for a suite: started (and `declared` applied, when given) before
 * its tests, destroyed and removed after them.
 */
export function useEngineStack(name: string, declared: Declaration[] = []): { emulator: () => CamsEmulator; engine: () => EngineStack } {
  let emulator: CamsEmulator | undefined;
  let engine: EngineStack | undefined;
  before(async function () {
    skipIfOptedOut(this);
    assertPackageBuilt();
    await pulumiCli();
    emulator = await startEmulator();
    engine = await EngineStack.create(name, emulator);
    if (declared.length === 0) return;
    engine.declared = declared;
    await engine.stack.up();
  });
  after(async () => {
    await engine?.stack.destroy().catch(() => undefined);
    await emulator?.close();
    engine?.dispose();
  });
  return { emulator: () => emulator!, engine: () => engine! };
}
