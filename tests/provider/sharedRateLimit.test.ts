import { strict as assert } from "assert";
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import type { CallerReport } from "./support/callerProcess";
import { peakCallsPerSecond, useEmulator } from "./fixtures";

const CALLER = path.join(__dirname, "support", "callerProcess.ts");
const PROCESSES = 3;
const CALLS_EACH = 8;

/** Runs one caller process to its end and returns its report. */
function runCaller(endpoint: string): Promise<CallerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", CALLER, endpoint, String(CALLS_EACH)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.stderr.on("data", (c: Buffer) => (err += c));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as CallerReport) : reject(new Error(`caller exited ${code}: ${err}`))));
  });
}

/** Busy-loops on every core for at most `ms`, the way other work on a shared machine does. */
function cpuHogs(ms: number): ChildProcess[] {
  return [0, 1].map(() => spawn(process.execPath, ["-e", `const end = Date.now() + ${ms}; while (Date.now() < end) {}`], { stdio: "ignore" }));
}

describe("one rate limit for every process of the machine on one AccessKey", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 5 });

  for (const loaded of [false, true]) {
    it(`${PROCESSES} provider processes at once stay at or under 5 calls per second at CAMS, none throttled${loaded ? ", with every core busy" : ""}`, async function () {
      this.timeout(120_000);
      const hogs = loaded ? cpuHogs(60_000) : [];
      try {
        const reports = await Promise.all(Array.from({ length: PROCESSES }, () => runCaller(emulator().endpoint)));
        assert.deepEqual(reports.flatMap((r) => r.failed), [], "every call succeeded");
        assert.equal(reports.reduce((n, r) => n + r.ok, 0), PROCESSES * CALLS_EACH);
      } finally {
        hogs.forEach((h) => h.kill());
      }
      const calls = emulator().calls();
      const throttled = calls.filter((c) => c.code === "System.LimitControl").length;
      assert.equal(throttled, 0, `CAMS throttled ${throttled} of ${calls.length} calls`);
      const peak = peakCallsPerSecond(calls.map((c) => c.at));
      assert.ok(peak <= 5, `CAMS saw ${peak} calls within one second`);
    });
  }
});
