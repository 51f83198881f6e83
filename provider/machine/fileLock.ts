import * as fs from "fs";

/** A lock older than this whose holder still runs is assumed stuck (the work under it takes microseconds). */
const STUCK_AFTER_MS = 10_000;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `work` (synchronous, short) while holding `lockPath`, created exclusively so the processes of
 * one machine take turns; waits for the lock without blocking the event loop.
 */
export async function withFileLock<T>(lockPath: string, work: () => T): Promise<T> {
  for (let tries = 0; ; tries++) {
    const fd = tryTake(lockPath);
    if (fd !== undefined) return holding(lockPath, fd, work);
    await new Promise((resolve) => setTimeout(resolve, 1 + (tries % 4)));
  }
}

/** The same lock, waited for synchronously: for callers that must finish before anything else runs. */
export function withFileLockSync<T>(lockPath: string, work: () => T): T {
  for (let tries = 0; ; tries++) {
    const fd = tryTake(lockPath);
    if (fd !== undefined) return holding(lockPath, fd, work);
    Atomics.wait(PAUSE, 0, 0, 1 + (tries % 4));
  }
}

/** Whether a process of this machine is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Creates the lock file, or breaks it when its holder is gone and returns undefined to try again. */
function tryTake(lockPath: string): number | undefined {
  try {
    const fd = fs.openSync(lockPath, "wx", 0o600);
    fs.writeSync(fd, String(process.pid));
    return fd;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    breakIfAbandoned(lockPath);
    return undefined;
  }
}

function holding<T>(lockPath: string, fd: number, work: () => T): T {
  try {
    return work();
  } finally {
    fs.closeSync(fd);
    fs.rmSync(lockPath, { force: true });
  }
}

function breakIfAbandoned(lockPath: string): void {
  try {
    const holder = Number(fs.readFileSync(lockPath, "utf8"));
    const age = Date.now() - fs.statSync(lockPath).mtimeMs;
    // An empty file is a lock being written this instant, unless it has been so for long.
    const abandoned = holder > 0 ? !isRunning(holder) || age > STUCK_AFTER_MS : age > STUCK_AFTER_MS;
    if (abandoned) fs.rmSync(lockPath, { force: true });
  } catch {
    // The lock went away while we looked: the next try takes it.
  }
}
