import * as fs from "fs";

/** A lock older than this was left by a process that died holding it. */
const ABANDONED_MS = 5_000;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * A lock shared by the processes of one machine: a directory only one of them can create. Held
 * only around a few small file operations, so waiting for it blocks briefly and synchronously.
 */
export class MachineLock {
  constructor(private readonly lockPath: string) {}

  /** Runs `work` while holding the lock. */
  hold<T>(work: () => T): T {
    this.acquire();
    try {
      return work();
    } finally {
      fs.rmSync(this.lockPath, { recursive: true, force: true });
    }
  }

  private acquire(): void {
    for (;;) {
      try {
        fs.mkdirSync(this.lockPath);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      if (this.abandoned()) fs.rmSync(this.lockPath, { recursive: true, force: true });
      else Atomics.wait(PAUSE, 0, 0, 2);
    }
  }

  private abandoned(): boolean {
    try {
      return Date.now() - fs.statSync(this.lockPath).mtimeMs > ABANDONED_MS;
    } catch {
      return false;
    }
  }
}
