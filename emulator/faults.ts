import type { EmulatorFaults } from "./behaviour";
import { ApiError, ErrorCodes } from "./errors";

/** Decides at random when an injected fault fires; the random source is swappable for deterministic tests. */
export class FaultDice {
  constructor(private readonly random: () => number = Math.random) {}

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
