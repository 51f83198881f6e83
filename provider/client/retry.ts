/** How failed calls are retried: exponential backoff with full jitter, capped. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the second attempt, before jitter. */
  baseDelayMs: number;
  /** Largest delay between attempts. */
  maxDelayMs: number;
}

/** Defaults sized for a 5-calls-per-second API: a throttled burst drains within a few seconds. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 8000 };

/** The delay before attempt `attempt + 1` (attempt counts from 1), with full jitter. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
