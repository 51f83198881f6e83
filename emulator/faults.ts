import type { EmulatorFaults } from "./behaviour";
import { ApiError, ErrorCodes } from "./errors";

/**
 * Decides when an injected fault fires. With a seed the dice are a fixed sequence, so a test that
 * injects faults sees the same faults on every run; without one they draw from Math.random.
 */
export class FaultDice {
  private random: () => number = Math.random;
  private seededWith: number | null = null;

  /** Starts the sequence of `seed` again whenever the seed is set anew; null goes back to Math.random. */
  reseed(seed: number | null): void {
    this.seededWith = seed;
    this.random = seed === null ? Math.random : mulberry32(seed);
  }

  /** The seed in force, null when the dice are unseeded. */
  get seed(): number | null {
    return this.seededWith;
  }

  /** True with probability `rate`. */
  roll(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }

  /** The injected 500 or 503, when `errorRate` fires. */
  serverError(faults: EmulatorFaults): ApiError | undefined {
    if (!this.roll(faults.errorRate)) return undefined;
    return this.random() < 0.5
      ? new ApiError(ErrorCodes.InternalError, 500, "The request processing has failed due to some unknown error.")
      : new ApiError(ErrorCodes.ServiceUnavailable, 503, "The request has failed due to a temporary failure of the server.");
  }

  /** How long to hold this response back. */
  latencyMs(faults: EmulatorFaults): number {
    return faults.latencyMs + (this.roll(faults.latencySpikeRate) ? faults.latencySpikeMs : 0);
  }
}

/** A small, fast 32-bit PRNG (Mulberry32): good enough to spread faults, and the same on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
