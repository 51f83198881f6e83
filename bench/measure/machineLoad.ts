import * as fs from "fs";
import * as os from "os";

/** How busy the whole machine was during an operation, ours and other users' work together. */
export interface MachineLoad {
  /** Share of all cores' time spent busy, 0..1. */
  cpuBusy: number;
  /** The 1-minute load average when the operation ended. */
  loadAverage1m: number;
}

function cpuTimes(): { busy: number; total: number } {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3] + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** Starts measuring; the returned function ends the measurement. */
export function measureMachineLoad(): () => MachineLoad {
  const start = cpuTimes();
  return () => {
    const end = cpuTimes();
    const total = end.total - start.total;
    return { cpuBusy: total > 0 ? (end.busy - start.busy) / total : 0, loadAverage1m: os.loadavg()[0] };
  };
}
