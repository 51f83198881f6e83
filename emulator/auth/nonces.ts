/** How long a signature nonce is remembered: the same 15 minutes a timestamp may be off. */
export const NONCE_TTL_MS = 15 * 60 * 1000;

/** Remembers signature nonces for the replay window, so a captured request cannot be sent twice. */
export class NonceRegistry {
  // Insertion order is expiry order, so forgetting stops at the first live entry.
  private readonly expiries = new Map<string, number>();

  /** Claims a nonce; false when it was already used within the window. */
  claim(nonce: string, now: number): boolean {
    for (const [seen, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(seen);
    }
    if (this.expiries.has(nonce)) return false;
    this.expiries.set(nonce, now + NONCE_TTL_MS);
    return true;
  }
}
