import { descendantsOf, residentMemory } from "./processTree";

/** The processes an engine operation starts, told apart by their command line. */
export type EngineRole = "providerHost" | "engine";

/** The largest resident set each role reached, in bytes, and how many processes played it. */
export type PeakMemory = Record<EngineRole, { peakBytes: number; processes: number }>;

function roleOf(command: string): EngineRole | undefined {
  if (command.includes("dynamic-provider") || command.includes("provider/plugin/main.js")) return "providerHost";
  if (/(^|\/)pulumi\s/.test(command)) return "engine";
  return undefined;
}

/**
 * Watches the engine and the provider host (dynamic, or the CAMS plugin) this process starts, reading each one's
 * high-water mark (VmHWM), so a short peak between two samples is still caught.
 */
export class PeakMemorySampler {
  private readonly peaks = new Map<number, { role: EngineRole; peak: number }>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly intervalMs = 200, private readonly root = process.pid) {}

  /** Starts sampling; call `stop` when the operation ends. */
  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  /** Stops sampling and returns the peaks seen. */
  stop(): PeakMemory {
    clearInterval(this.timer);
    this.sample();
    const result: PeakMemory = { providerHost: { peakBytes: 0, processes: 0 }, engine: { peakBytes: 0, processes: 0 } };
    for (const { role, peak } of this.peaks.values()) {
      result[role].peakBytes = Math.max(result[role].peakBytes, peak);
      result[role].processes++;
    }
    return result;
  }

  private sample(): void {
    for (const p of descendantsOf(this.root)) {
      const role = roleOf(p.command);
      const memory = role && residentMemory(p.pid);
      if (!role || !memory) continue;
      const seen = this.peaks.get(p.pid);
      this.peaks.set(p.pid, { role, peak: Math.max(seen?.peak ?? 0, memory.peak) });
    }
  }
}
