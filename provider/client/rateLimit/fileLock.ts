import * as fs from "fs";

/** A lock older than this whose holder still runs is assumed stuck (ledger updates take microseconds). */
const STUCK_AFTER_MS = 10_000;

/**
 * Runs `work` (synchronous, short) while holding `lockPath`, created exclusively so processes of one
 * machine take turns. A lock left by a process that died is taken over.
 */
export async function withFileLock<T>(lockPath: string, work: () => T): Promise<T> {
  for (let tries = 0; ; tries++) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(lockPath, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      breakIfAbandoned(lockPath);
      await new Promise((resolve) => setTimeout(resolve, 1 + (tries % 4)));
      continue;
    }
    try {
      fs.writeSync(fd, String(process.pid));
      return work();
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lockPath, { force: true });
    }
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

/** Whether a process of this machine is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
