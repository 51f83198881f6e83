import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { withFileLock } from "../../emulator/state/fileLock";

describe("emulator: the state file's lock", () => {
  let dir: string;
  let lockPath: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cams-emulator-lock-"));
    lockPath = join(dir, "state.json.lock");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const holdBy = (pid: number): void => writeFileSync(lockPath, JSON.stringify({ pid, host: hostname(), token: "someone-else" }));

  it("is taken and released around the action, leaving nothing behind", () => {
    assert.equal(withFileLock(lockPath, () => existsSync(lockPath)), true);
    assert.deepEqual(readdirSync(dir), []);
  });

  it("is taken over from an emulator that died holding it", () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    holdBy(Number(dead.stdout));
    assert.equal(withFileLock(lockPath, () => "ran"), "ran");
    assert.deepEqual(readdirSync(dir), []);
  });

  it("is taken over when held far longer than any change takes, even by a live process", () => {
    holdBy(process.pid);
    const longAgo = new Date(Date.now() - 120_000);
    utimesSync(lockPath, longAgo, longAgo);
    assert.equal(withFileLock(lockPath, () => "ran"), "ran");
  });

  it("is released when the action throws", () => {
    assert.throws(() => withFileLock(lockPath, () => { throw new Error("boom"); }), /boom/);
    assert.equal(existsSync(lockPath), false);
  });
});
