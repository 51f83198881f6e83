import * as fs from "fs";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import type { CamsEmulator } from "../../emulator";
import { PhoneMessageQrdl } from "../../provider";
import { StateResource, emulatorStackConfig, localStack, stateFile } from "../../scripts/lib/localStack";
import { REPO_ROOT } from "../../scripts/lib/pulumiCli";
import type { CodeDeclaration } from "./declarations";
import { NoopResource } from "./noopResource";
import { PluginQrdl } from "./pluginQrdl";

/** What the program declares for each code: the package's resource, or the do-nothing baseline. */
export type ResourceKind = "cams" | "noop";

/** Any kind a benchmark stack may declare: also the plugin's resource (`npm run bench:plugin`). */
export type BenchKind = ResourceKind | "plugin";

/** An operation the engine was interrupted in, as the state file records it. */
export interface PendingOperation {
  type: string;
  resource: StateResource;
}

/** The part of a stack's state the benchmark and the soak read. */
export interface Deployment {
  resources: StateResource[];
  pendingOperations: PendingOperation[];
}

const STACK_NAME = "bench";

/**
 * A stack on a local file backend in `.work/bench/`, under the real engine, whose inline program
 * declares whatever `declared` holds at the time of each operation.
 */
export class BenchStack {
  declared: CodeDeclaration[] = [];
  readonly program = async (): Promise<Record<string, never>> => {
    for (const d of this.declared) {
      const args = { phoneNumber: d.phoneNumber, prefilledMessage: d.prefilledMessage };
      if (this.kind === "cams") new PhoneMessageQrdl(d.name, args);
      else if (this.kind === "plugin") new PluginQrdl(d.name, args);
      else new NoopResource(d.name, args);
    }
    return {};
  };

  private constructor(
    readonly stack: Stack,
    readonly kind: BenchKind,
    readonly workDir: string,
    readonly projectName: string,
  ) {}

  /** A fresh stack named `name`, pointed at the emulator (the secret kept as a Pulumi secret). */
  static async create(name: string, kind: BenchKind, emulator: CamsEmulator): Promise<BenchStack> {
    const workDir = path.join(REPO_ROOT, ".work", "bench", `${name}-${process.pid}`);
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.mkdirSync(workDir, { recursive: true });
    const projectName = `cams-bench-${name}`;
    let self: BenchStack | undefined;
    const stack = await localStack({
      workDir,
      projectName,
      stackName: STACK_NAME,
      program: () => self!.program(),
      config: emulatorStackConfig(emulator),
    });
    self = new BenchStack(stack, kind, workDir, projectName);
    return self;
  }

  /** The stack's PULUMI_HOME, where plugins are installed. */
  get pulumiHome(): string {
    return path.join(this.workDir, ".pulumi-state", "home");
  }

  /** The local file backend's directory (what PULUMI_BACKEND_URL points at). */
  get backendDir(): string {
    return path.join(this.workDir, ".pulumi-state", "backend");
  }

  /** The state file's path on the local backend. */
  get stateFile(): string {
    return stateFile(path.join(this.workDir, ".pulumi-state"), this.projectName, STACK_NAME);
  }

  /** The resources and pending operations the state file holds now. */
  deployment(): Deployment {
    const latest = JSON.parse(fs.readFileSync(this.stateFile, "utf8")).checkpoint.latest ?? {};
    return { resources: latest.resources ?? [], pendingOperations: latest.pending_operations ?? [] };
  }

  /** Removes the stack's working directory, backend included. */
  dispose(): void {
    fs.rmSync(this.workDir, { recursive: true, force: true });
  }
}
