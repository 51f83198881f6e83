import { strict as assert } from "node:assert";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { send } from "./support/rawHttp";

const ROOT = resolve(__dirname, "../..");
const CLI = [join(ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", join(ROOT, "emulator/cli.ts")];

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("emulator: the cams-emulator CLI", () => {
  let dir: string;
  let child: ChildProcess | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cams-emulator-cli-"));
  });
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the ready file, prints the env vars for pulumi-cams, serves, and exits 0 on SIGTERM", async () => {
    const readyFile = join(dir, "ready.json");
    child = spawn(process.execPath, [...CLI, "--port", "0", "--state", join(dir, "state.json"), "--qps", "7", "--ready-file", readyFile], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout?.on("data", (c: Buffer) => (stdout += c.toString()));
    const ready = await waitFor(
      () => (existsSync(readyFile) ? (JSON.parse(readFileSync(readyFile, "utf8")) as { url: string; endpoint: string; port: number }) : undefined),
      20_000,
      "the ready file",
    );
    assert.equal(ready.url, `http://${ready.endpoint}`);
    assert.equal(ready.endpoint, `127.0.0.1:${ready.port}`);
    const health = await send(ready.url, { path: "/_emulator/health" });
    assert.equal(health.json?.status, "ok");
    assert.equal((await send(ready.url, { path: "/_emulator/behaviour" })).json?.qpsPerAccessKey, 7);
    for (const line of [
      `export CAMS_ENDPOINT=${ready.endpoint}`,
      "export CAMS_PROTOCOL=HTTP",
      "export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tCamsEmulatorDemo",
      "export ALIBABA_CLOUD_ACCESS_KEY_SECRET=cams-emulator-demo-secret",
    ]) {
      assert.ok(stdout.includes(line), `stdout lacks "${line}":\n${stdout}`);
    }
    const exited = new Promise<number | null>((r) => child?.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
    assert.equal(existsSync(readyFile), false, "the ready file must be removed on exit");
  });

  it("prints a key id the user chose but never its secret", async () => {
    const readyFile = join(dir, "ready.json");
    child = spawn(
      process.execPath,
      [...CLI, "--port", "0", "--in-memory", "--access-key-id", "LTAI5tMine", "--access-key-secret", "my-own-secret", "--ready-file", readyFile],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    child.stdout?.on("data", (c: Buffer) => (stdout += c.toString()));
    await waitFor(() => (existsSync(readyFile) ? true : undefined), 20_000, "the ready file");
    await waitFor(() => (stdout.includes("ALIBABA_CLOUD_ACCESS_KEY_SECRET") ? true : undefined), 5_000, "the banner");
    assert.ok(stdout.includes("export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tMine"), stdout);
    assert.doesNotMatch(stdout, /my-own-secret/);
    child.kill("SIGTERM");
  });

  it("refuses an out-of-range flag with exit code 2 and the reason", () => {
    const bad = spawnSync(process.execPath, [...CLI, "--fault-error-rate", "2"], { encoding: "utf8" });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /errorRate/);
  });

  it("prints --help and exits 0", () => {
    const help = spawnSync(process.execPath, [...CLI, "--help"], { encoding: "utf8" });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: cams-emulator/);
    assert.match(help.stdout, /--ready-file/);
  });
});
