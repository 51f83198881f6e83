import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../../..");
/** The cams-emulator bin, run from source. */
export const CLI = [join(ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", join(ROOT, "emulator/cli.ts")];

/** Where a started CLI listens, from its ready file. */
export interface Ready {
  url: string;
  endpoint: string;
  port: number;
}

/** A cams-emulator process and what it printed so far. */
export interface CliProcess {
  child: ChildProcess;
  ready: Ready;
  output: { stdout: string; stderr: string };
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Polls until `probe` returns a value or the time is up. */
export async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the CLI with `args` plus a ready file in `dir`, and resolves once it listens. */
export async function startCli(dir: string, name: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliProcess> {
  const readyFile = join(dir, `${name}.ready.json`);
  const child = spawn(process.execPath, [...CLI, ...args, "--ready-file", readyFile], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (c: Buffer) => (output.stdout += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output.stderr += c.toString()));
  const ready = await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`cams-emulator exited with ${child.exitCode}: ${output.stderr}`);
      return existsSync(readyFile) ? (JSON.parse(readFileSync(readyFile, "utf8")) as Ready) : undefined;
    },
    30_000,
    `${name}'s ready file`,
  );
  const stop = (): Promise<number | null> => {
    if (child.exitCode !== null) return Promise.resolve(child.exitCode);
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    return exited;
  };
  return { child, ready, output, stop };
}
