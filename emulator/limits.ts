/** Flow control over a sliding window per key, the way the gateway limits each AccessKey. */
export class SlidingWindowLimiter {
  private readonly admitted = new Map<string, number[]>();

  constructor(private readonly windowMs = 1000) {}

  /** Admits one request for `key` unless `limit` requests were admitted in the last window; a limit of 0 admits all. */
  tryAdmit(key: string, limit: number, now: number): boolean {
    if (limit <= 0) return true;
    const recent = (this.admitted.get(key) ?? []).filter((t) => now - t < this.windowMs);
    const admit = recent.length < limit;
    if (admit) recent.push(now);
    this.admitted.set(key, recent);
    return admit;
  }
}
