import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { LOCAL_PASSPHRASE } from "./localStack";

/** What one `pulumi` command printed and how it ended. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where a project runs under the plain CLI: its folder, a file backend and a PULUMI_HOME of its own. */
export interface CliProjectOptions {
  /** The `pulumi` binary. */
  pulumi: string;
  /** The project's folder (holds Pulumi.yaml). */
  dir: string;
  /** Folder for the file backend and PULUMI_HOME (plugins are installed there). */
  stateDir: string;
  /** Folders for PATH besides the CLI's and Node.js's, e.g. the YAML language host's (found only there or beside `pulumi`). */
  path?: string[];
}

/** A Pulumi project driven by the plain CLI (`pulumi up`, `import`…), no Automation API. */
export class CliProject {
  readonly env: NodeJS.ProcessEnv;

  constructor(private readonly options: CliProjectOptions) {
    const backend = path.join(options.stateDir, "backend");
    const home = path.join(options.stateDir, "home");
    fs.mkdirSync(backend, { recursive: true });
    fs.mkdirSync(home, { recursive: true });
    this.env = {
      ...process.env,
      // Only these: no `pulumi-resource-cams` of a checkout may stand in for the installed plugin.
      PATH: [...(options.path ?? []), path.dirname(options.pulumi), path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter),
      PULUMI_BACKEND_URL: `file://${backend}`,
      PULUMI_HOME: home,
      PULUMI_CONFIG_PASSPHRASE: LOCAL_PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      NO_COLOR: "1",
    };
  }

  /** Runs `pulumi <args>` in the project's folder; resolves with the exit code, never rejects on failure. */
  run(args: string[]): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.options.pulumi, [...args, "--non-interactive"], { cwd: this.options.dir, env: this.env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  /** Runs `pulumi <args>` and fails, with everything it printed, unless it exits 0. */
  async ok(args: string[]): Promise<CommandResult> {
    const result = await this.run(args);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
    return result;
  }
}
