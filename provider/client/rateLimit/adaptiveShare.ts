/**
 * How much of the configured rate to use after CAMS throttled anyway (other tools on the same key):
 * halve it at once, then win it back linearly, additive-increase/multiplicative-decrease style.
 */
export interface AdaptivePolicy {
  /** Share of the rate won back per second after a cut. */
  recoveryPerSecond: number;
  /** The smallest share ever used. */
  floor: number;
}

/** Halves on throttling and regains the full rate within about 5 s of calm. */
export const DEFAULT_ADAPTIVE_POLICY: AdaptivePolicy = { recoveryPerSecond: 0.1, floor: 0.2 };

/** The share in force at `now`, given the last cut. */
export function shareAt(policy: AdaptivePolicy, cutShare: number, cutAt: number, now: number): number {
  return Math.min(1, cutShare + (Math.max(0, now - cutAt) / 1000) * policy.recoveryPerSecond);
}

/**
 * The share after a throttled answer at `now`. Throttled answers within one window of a cut are
 * the same burst: they cut once, not once each.
 */
export function cutShareAfterThrottle(policy: AdaptivePolicy, cutShare: number, cutAt: number, now: number, windowMs: number): { cutShare: number; cutAt: number } {
  if (now - cutAt < windowMs) return { cutShare, cutAt };
  return { cutShare: Math.max(policy.floor, shareAt(policy, cutShare, cutAt, now) / 2), cutAt: now };
}

/** How many calls may count at once: the share of the rate, never less than one. */
export function slotsFor(maxPerWindow: number, share: number): number {
  return Math.max(1, Math.floor(maxPerWindow * share + 1e-9));
}
