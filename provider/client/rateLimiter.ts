/**
 * Keeps calls at or under `maxPerWindow` in any sliding window of `windowMs`, in arrival order.
 * CAMS counts calls per second per account, so one limiter per AccessKey serves every resource.
 */
export class SlidingWindowLimiter {
  private readonly sent: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly maxPerWindow: number,
    private readonly windowMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits until one more call fits in the window, then books it. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Books a slot as used after a call was answered "throttled", so later calls back off too. */
  penalise(): void {
    this.sent.push(this.now());
  }

  private async waitForSlot(): Promise<void> {
    if (this.maxPerWindow <= 0) return;
    for (;;) {
      const now = this.now();
      while (this.sent.length && this.sent[0] <= now - this.windowMs) this.sent.shift();
      if (this.sent.length < this.maxPerWindow) {
        this.sent.push(now);
        return;
      }
      await new Promise((r) => setTimeout(r, this.sent[0] + this.windowMs - now + 1));
    }
  }
}

const limiters = new Map<string, SlidingWindowLimiter>();

/** The process-wide limiter for one AccessKey (and rate), shared by every resource. */
export function limiterFor(accessKeyId: string, maxPerSecond: number): SlidingWindowLimiter {
  const key = `${accessKeyId}@${maxPerSecond}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    // 50 ms of slack absorbs network jitter between our send time and the service's count.
    limiter = new SlidingWindowLimiter(maxPerSecond, 1050);
    limiters.set(key, limiter);
  }
  return limiter;
}
