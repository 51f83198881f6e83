import { randomUUID } from "crypto";
import { AdaptivePolicy, DEFAULT_ADAPTIVE_POLICY, cutShareAfterThrottle, shareAt, slotsFor } from "./adaptiveShare";
import { withFileLock } from "../../machine/fileLock";
import { LedgerFiles, LedgerState, loadLedger, saveLedger } from "./ledger";

/** A call's claim on the rate; `release` when its answer arrived or the call was given up. */
export interface CallPermit {
  release(): Promise<void>;
}

/** How the limiter counts. */
export interface LimiterShape {
  /** Calls CAMS allows per window (5). */
  maxPerWindow: number;
  /** CAMS's window (1000 ms). */
  windowMs: number;
  /** Extra wait after the window, for the service's own timing. */
  marginMs: number;
  /** The longest a call can take (connect + read timeouts): an unreleased slot counts at most this long. */
  maxCallMs: number;
  policy?: AdaptivePolicy;
}

/** How often a waiting call looks again while every slot is held by a call still on the wire. */
const POLL_MS = 20;

/**
 * Keeps the calls CAMS sees at `maxPerWindow` per window, for every process of this machine using one
 * AccessKey. A call holds a slot from before it is put on the wire until a window after its answer:
 * CAMS counted it somewhere in between, so whatever delays a busy machine adds, two calls of one slot
 * reach CAMS at least a window apart. Throttled answers cut the rate for every process (see adaptiveShare).
 */
export class SharedCallLimiter {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly policy: AdaptivePolicy;

  constructor(
    private readonly files: LedgerFiles,
    private readonly shape: LimiterShape,
    private readonly now: () => number = Date.now,
  ) {
    this.policy = shape.policy ?? DEFAULT_ADAPTIVE_POLICY;
  }

  /** Waits, in arrival order within this process, until a slot is free, and takes it. */
  acquire(): Promise<CallPermit> {
    const turn = this.queue.then(() => this.takeSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** CAMS throttled a call although we kept to the rate: other callers share the key, so use less of it. */
  async throttled(): Promise<void> {
    await this.update((state, now) => Object.assign(state, cutShareAfterThrottle(this.policy, state.cutShare, state.cutAt, now, this.shape.windowMs)));
  }

  private async takeSlot(): Promise<CallPermit> {
    const id = `${process.pid}-${randomUUID()}`;
    for (;;) {
      const waitMs = await this.update((state, now) => {
        const slots = slotsFor(this.shape.maxPerWindow, shareAt(this.policy, state.cutShare, state.cutAt, now));
        if (state.slots.length < slots) {
          state.slots.push({ id, pid: process.pid, inFlight: true, until: now + this.shape.maxCallMs + this.holdMs() });
          return 0;
        }
        const settled = state.slots.filter((s) => !s.inFlight).map((s) => s.until - now);
        return Math.max(1, Math.min(POLL_MS, ...settled));
      });
      if (waitMs === 0) return { release: () => this.release(id) };
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  private async release(id: string): Promise<void> {
    await this.update((state, now) => {
      const slot = state.slots.find((s) => s.id === id);
      if (slot) Object.assign(slot, { inFlight: false, until: now + this.holdMs() });
    });
  }

  private holdMs(): number {
    return this.shape.windowMs + this.shape.marginMs;
  }

  private update<T>(change: (state: LedgerState, now: number) => T): Promise<T> {
    return withFileLock(this.files.lock, () => {
      const now = this.now();
      const state = loadLedger(this.files, now, this.holdMs());
      const before = JSON.stringify(state);
      const result = change(state, now);
      // A call that only looked (every slot taken) leaves the file alone; readers prune by themselves.
      if (JSON.stringify(state) !== before) saveLedger(this.files, state);
      return result;
    });
  }
}
