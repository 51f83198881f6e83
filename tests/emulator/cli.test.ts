import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import { DEMO_CREDENTIAL } from "../../emulator";
import { CLI, startCli, waitFor, type CliProcess } from "./support/cliProcess";
import { camsClient, createCode, listCodes } from "./support/harness";
import { send } from "./support/rawHttp";

describe("emulator: the cams-emulator CLI", function () {
  // Each test starts cams-emulator processes, which take seconds to boot on a busy machine.
  this.timeout(120_000);
  let dir: string;
  let cli: CliProcess | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cams-emulator-cli-"));
  });
  afterEach(async () => {
    await cli?.stop();
    cli = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the ready file, prints the env vars for pulumi-cams, serves, and exits 0 on SIGTERM", async () => {
    cli = await startCli(dir, "cli", ["--port", "0", "--state", join(dir, "state.json"), "--qps", "7"]);
    const { ready, output } = cli;
    assert.equal(ready.url, `http://${ready.endpoint}`);
    assert.equal(ready.endpoint, `127.0.0.1:${ready.port}`);
    const health = await send(ready.url, { path: "/_emulator/health" });
    assert.equal(health.json?.status, "ok");
    assert.equal((await send(ready.url, { path: "/_emulator/behaviour" })).json?.qpsPerAccessKey, 7);
    await waitFor(() => (output.stdout.includes("ALIBABA_CLOUD_ACCESS_KEY_SECRET") ? true : undefined), 5_000, "the banner");
    for (const line of [
      `CAMS emulator listening on http://127.0.0.1:${ready.port}\n`,
      `export CAMS_ENDPOINT=${ready.endpoint}`,
      "export CAMS_PROTOCOL=HTTP",
      "export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tCamsEmulatorDemo",
      "export ALIBABA_CLOUD_ACCESS_KEY_SECRET=cams-emulator-demo-secret",
    ]) {
      assert.ok(output.stdout.includes(line), `stdout lacks "${line}":\n${output.stdout}`);
    }
    assert.equal(output.stderr, "", "a loopback emulator has nothing to warn about");
    assert.equal(await cli.stop(), 0);
    assert.equal(existsSync(join(dir, "cli.ready.json")), false, "the ready file must be removed on exit");
  });

  it("tells the truth about a wildcard --host and warns that the admin API is open to every interface", async () => {
    cli = await startCli(dir, "cli", ["--port", "0", "--in-memory", "--host", "0.0.0.0"]);
    const { ready, output } = cli;
    await waitFor(() => (output.stderr.includes("WARNING") ? true : undefined), 5_000, "the warning");
    assert.match(output.stdout, new RegExp(`listening on http://0\\.0\\.0\\.0:${ready.port} \\(every interface; from this machine: http://127\\.0\\.0\\.1:${ready.port}\\)`));
    assert.match(output.stderr, /WARNING: listening on 0\.0\.0\.0, reachable from other machines/);
    assert.match(output.stderr, /admin API[\s\S]*is unauthenticated/);
    assert.equal(ready.endpoint, `127.0.0.1:${ready.port}`, "clients on this machine still get a reachable endpoint");
  });

  it("prints a key id the user chose but never its secret", async () => {
    cli = await startCli(dir, "cli", ["--port", "0", "--in-memory", "--access-key-id", "LTAI5tMine", "--access-key-secret", "my-own-secret"]);
    const { output } = cli;
    await waitFor(() => (output.stdout.includes("ALIBABA_CLOUD_ACCESS_KEY_SECRET") ? true : undefined), 5_000, "the banner");
    assert.ok(output.stdout.includes("export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tMine"), output.stdout);
    assert.doesNotMatch(output.stdout, /my-own-secret/);
  });

  for (const [how, args, env] of [
    ["--access-key-secret-file", ["--access-key-secret-file", "secret.txt"], {}],
    ["CAMS_EMULATOR_ACCESS_KEY_SECRET", [], { CAMS_EMULATOR_ACCESS_KEY_SECRET: "secret-from-elsewhere" }],
  ] as const) {
    it(`takes the secret from ${how}, so it stays out of the process list, and verifies with it`, async () => {
      writeFileSync(join(dir, "secret.txt"), "secret-from-elsewhere\n");
      cli = await startCli(dir, "cli", ["--port", "0", "--in-memory", "--access-key-id", "LTAI5tMine", ...args], { ...process.env, ...env });
      const emulator = { endpoint: cli.ready.endpoint } as Parameters<typeof camsClient>[0];
      const credential = { accessKeyId: "LTAI5tMine", accessKeySecret: "secret-from-elsewhere" };
      assert.deepEqual(await listCodes(camsClient(emulator, { credential })), []);
      await assert.rejects(listCodes(camsClient(emulator, { credential: { ...credential, accessKeySecret: DEMO_CREDENTIAL.accessKeySecret } })));
      assert.doesNotMatch(cli.output.stdout, /secret-from-elsewhere/);
    });
  }

  it("refuses an out-of-range flag with exit code 2 and the reason", () => {
    const bad = spawnSync(process.execPath, [...CLI, "--fault-error-rate", "2"], { encoding: "utf8" });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /errorRate/);
  });

  it("refuses to start on a state file that is not emulator state, with exit code 1 and the file's name", () => {
    writeFileSync(join(dir, "state.json"), "{ not json");
    const bad = spawnSync(process.execPath, [...CLI, "--port", "0", "--state", join(dir, "state.json")], { encoding: "utf8" });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /state\.json is not JSON/);
  });

  it("keeps state in a file per port by default, and in memory on --port 0, so parallel jobs in one workspace never share one", async () => {
    const port = await freePort();
    cli = await startCli(dir, "cli", ["--port", String(port)]);
    await createCode(camsClient({ endpoint: cli.ready.endpoint } as Parameters<typeof camsClient>[0]));
    assert.ok(existsSync(join(dir, `.work/emulator/state-${port}.json`)), "no per-port state file");
    await cli.stop();
    cli = await startCli(dir, "cli", ["--port", "0"]);
    await waitFor(() => (cli?.output.stdout.includes("state file:") ? true : undefined), 5_000, "the banner");
    assert.match(cli.output.stdout, /state file: none \(in memory\)/);
  });

  it("prints --help and exits 0", () => {
    const help = spawnSync(process.execPath, [...CLI, "--help"], { encoding: "utf8" });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: cams-emulator/);
    assert.match(help.stdout, /--ready-file/);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
