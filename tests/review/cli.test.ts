import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { main, Io } from "../../review/cli";
import { SUMMARY_MARKER } from "../../review";
import { REPO_ROOT } from "../../scripts/lib/pulumiCli";
import { fixtureText } from "./support";

const FIXTURE = path.join(__dirname, "fixtures", "changes.preview.json");

/** An in-process run of the command with the given argv and standard input. */
async function run(argv: string[], stdin = ""): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { readFile: (p) => fs.readFileSync(p, "utf8"), writeFile: (p, t) => fs.writeFileSync(p, t), readStdin: async () => stdin, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

describe("cams-review-summary", () => {
  it("summarises a file given as argument", async () => {
    const { status, stdout } = await run([FIXTURE]);
    assert.equal(status, 0);
    assert.ok(stdout.startsWith(SUMMARY_MARKER) && stdout.includes("Codes that will stop working (3)"), stdout);
  });

  it("reads standard input without an argument or with -", async () => {
    for (const argv of [[], ["-"]]) {
      const { status, stdout } = await run(argv, fixtureText("denied"));
      assert.equal(status, 0, `argv ${JSON.stringify(argv)}`);
      assert.ok(stdout.includes('refused 1 change'), stdout);
    }
  });

  it("exits 1 with the reason when the input is not preview JSON or the file is missing", async () => {
    const empty = await run([], "");
    assert.equal(empty.status, 1);
    assert.match(empty.stderr, /^cams-review-summary: standard input: the input is empty/);
    const missing = await run(["no-such-preview.json"]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /"no-such-preview.json" does not exist/);
  });

  it("exits 2 with the usage for unknown flags or extra arguments, 0 for --help", async () => {
    assert.equal((await run(["--verbose"])).status, 2);
    assert.equal((await run(["a.json", "b.json"])).status, 2);
    const help = await run(["--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: cams-review-summary \[preview.json\]/);
  });

  it("runs as the installed bin, reading a pipe", () => {
    const bin = path.join(REPO_ROOT, "dist", "review", "cli.js");
    assert.ok(fs.existsSync(bin), `${bin} is missing: run \`npm run build\` (npm test does)`);
    const result = spawnSync(process.execPath, [bin], { input: fixtureText("changes"), encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes("New codes (2)"), result.stdout);
  });
});
