import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ledgerFiles } from "../../provider/client/rateLimit/ledger";
import { SharedCallLimiter } from "../../provider/client/rateLimit/sharedLimiter";

/** Whether `promise` settles before the next few turns of the event loop (a limiter that waits polls on timers). */
async function settlesSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  // A call still waiting when the test ends stops with an error once its ledger directory is removed.
  promise.then(() => (settled = true), () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return settled;
}

describe("the machine-wide rate limit: how long a call counts, how it adapts, what it leaves on disk", () => {
  let dir: string;
  let clock: number;
  const limiter = (): SharedCallLimiter =>
    new SharedCallLimiter(ledgerFiles("http://127.0.0.1:1", "LTAIdemo", dir), { maxPerWindow: 5, windowMs: 1000, marginMs: 50, maxCallMs: 20_000 }, () => clock);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-limiter-"));
    clock = 1_000_000;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a call counts until a window after its answer, so a sixth waits for the first answer plus 1050 ms", async () => {
    const shared = limiter();
    const permits = await Promise.all(Array.from({ length: 5 }, () => shared.acquire()));
    const sixth = shared.acquire();
    assert.equal(await settlesSoon(sixth), false, "a sixth call went out while five were counted");
    await permits[0].release();
    clock += 1049;
    assert.equal(await settlesSoon(sixth), false, "a slot was reused less than a window after its answer");
    clock += 2;
    assert.equal(await settlesSoon(sixth), true);
  });

  it("a throttled answer halves the rate for every process on the key, and calm wins it back", async () => {
    const mine = limiter();
    const other = limiter();
    await mine.throttled();
    await Promise.all([other.acquire(), other.acquire()]);
    assert.equal(await settlesSoon(other.acquire()), false, "the other process kept using 5 slots after a throttle");
    clock += 6_000;
    assert.equal(await settlesSoon(mine.acquire()), true);
  });

  it("throttled answers of one burst cut the rate once, and however often it is cut one call still goes out", async () => {
    const shared = limiter();
    await shared.throttled();
    await shared.throttled();
    const two = Promise.all([shared.acquire(), shared.acquire()]);
    assert.equal(await settlesSoon(two), true, "two throttled answers of one burst cut the rate twice");
    for (let i = 0; i < 6; i++) {
      clock += 1_001;
      await shared.throttled();
    }
    await Promise.all((await two).map((p) => p.release()));
    clock += 1_051;
    assert.equal(await settlesSoon(shared.acquire()), true, "the rate was cut to nothing");
  });

  it("the ledger shared through the temp directory never holds the AccessKey id", async () => {
    const files = ledgerFiles("http://127.0.0.1:1", "LTAIdemo", dir);
    await (await limiter().acquire()).release();
    assert.ok(!files.file.includes("LTAIdemo"));
    assert.ok(!fs.readFileSync(files.file, "utf8").includes("LTAIdemo"));
    assert.equal(fs.statSync(files.file).mode & 0o077, 0, "other users can read the ledger");
  });

  it("ledgers of endpoints not called for a day are swept away, recent ones kept", () => {
    const old = ledgerFiles("http://127.0.0.1:2", "LTAIdemo", dir).file;
    fs.writeFileSync(old, "{}");
    const dayAgo = (Date.now() - 25 * 60 * 60_000) / 1000;
    fs.utimesSync(old, dayAgo, dayAgo);
    const recent = ledgerFiles("http://127.0.0.1:3", "LTAIdemo", dir).file;
    fs.writeFileSync(recent, "{}");
    ledgerFiles("http://127.0.0.1:4", "LTAIdemo", dir);
    assert.equal(fs.existsSync(old), false, "a day-old ledger was kept");
    assert.equal(fs.existsSync(recent), true, "a recent ledger was swept");
  });
});
