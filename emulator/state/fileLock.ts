import { randomBytes } from "node:crypto";
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";

/** How long a holder may keep the lock before others treat it as abandoned; a holder keeps it for milliseconds. */
export const STALE_LOCK_MS = 30_000;
/** How long to wait for the lock before giving up. */
export const LOCK_WAIT_MS = 15_000;

/** Thrown when the state file's lock could not be taken in time; the message names the lock file. */
export class StateLockTimeoutError extends Error {
  constructor(readonly lockPath: string) {
    super(`Timed out after ${LOCK_WAIT_MS / 1000} s waiting for the emulator state lock ${lockPath}.`);
    this.name = "StateLockTimeoutError";
  }
}

interface Holder {
  pid: number;
  host: string;
  token: string;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `action` while holding an exclusive lock file created with O_EXCL beside the state file, so the
 * read-modify-write of several emulator processes on one file never interleaves. The lock is held only for a
 * synchronous section; a lock whose holder died (same host) or that is older than STALE_LOCK_MS is broken.
 */
export function withFileLock<T>(lockPath: string, action: () => T): T {
  const token = acquire(lockPath);
  try {
    return action();
  } finally {
    release(lockPath, token);
  }
}

function acquire(lockPath: string): string {
  const token = randomBytes(12).toString("hex");
  const content = JSON.stringify({ pid: process.pid, host: hostname(), token } satisfies Holder);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return token;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && attempt === 0) {
        mkdirSync(dirname(lockPath), { recursive: true });
        continue;
      }
      if (code !== "EEXIST") throw error;
    }
    if (breakIfStale(lockPath)) continue;
    if (Date.now() > deadline) throw new StateLockTimeoutError(lockPath);
    // The holder's section is synchronous and short: a brief sleep, growing a little, then try again.
    Atomics.wait(pause, 0, 0, Math.min(1 + attempt, 20));
  }
}

function release(lockPath: string, token: string): void {
  if (readHolder(lockPath)?.token === token) unlinkSync(lockPath);
}

// Moves a stale lock aside; if what was moved turns out to be a fresh lock, it is put back (link fails if taken).
function breakIfStale(lockPath: string): boolean {
  const judged = readHolder(lockPath);
  if (!isStale(lockPath, judged)) return false;
  const aside = `${lockPath}.stale.${randomBytes(6).toString("hex")}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return true;
  }
  const moved = readHolder(aside);
  if (moved !== undefined && moved.token !== judged?.token) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // Someone took the lock meanwhile; the holder we displaced finishes its short section regardless.
    }
  }
  unlinkSync(aside);
  return true;
}

function isStale(lockPath: string, holder: Holder | undefined): boolean {
  try {
    if (Date.now() - statSync(lockPath).mtimeMs > STALE_LOCK_MS) return true;
  } catch {
    return false;
  }
  return holder !== undefined && holder.host === hostname() && !alive(holder.pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Holder>;
    return typeof parsed.pid === "number" && typeof parsed.token === "string" ? (parsed as Holder) : undefined;
  } catch {
    return undefined;
  }
}
