import { ChildProcess, spawn } from "child_process";
import * as os from "os";

/** Busy-loop processes, one per core, standing in for other work on a shared machine. */
export interface CpuHog {
  stop(): void;
}

/** Starts one busy loop per core; each ends by itself after `maxMs` even if `stop` is never called. */
export function startCpuHog(maxMs: number): CpuHog {
  const loop = `const end = Date.now() + ${maxMs}; while (Date.now() < end) {}`;
  const children: ChildProcess[] = os.cpus().map(() => spawn(process.execPath, ["-e", loop], { stdio: "ignore" }));
  return { stop: () => children.forEach((c) => c.kill()) };
}
