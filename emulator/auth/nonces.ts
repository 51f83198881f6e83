import { createHash } from "node:crypto";

/** The most nonces remembered at once; past it a request is throttled rather than a nonce forgotten early. */
export const MAX_NONCES = 50_000;

/** What claiming a nonce found: it was free, it was used already, or the registry is full. */
export type NonceClaim = "claimed" | "used" | "full";

/** Where signature nonces are claimed; the state store implements it so nonces persist with the codes. */
export interface NonceLedger {
  /** Claims `key` until `expiresAt` (ms epoch), the last moment its request's date could still be accepted. */
  claimNonce(key: string, expiresAt: number, now: number): NonceClaim;
}

/**
 * Remembers each signature nonce until its request's signed date leaves the accepted window, so a captured
 * request cannot be sent twice; keys are stored as digests so no AccessKeyId lands in the state file.
 */
export class NonceRegistry {
  private readonly expiries: Map<string, number>;

  constructor(saved: Record<string, number> = {}) {
    this.expiries = new Map(Object.entries(saved));
  }

  /** Claims a nonce; "used" while an earlier claim is live, "full" when MAX_NONCES live nonces are held. */
  claim(key: string, expiresAt: number, now: number): NonceClaim {
    const id = digest(key);
    const known = this.expiries.get(id);
    if (known !== undefined && known >= now) return "used";
    if (this.expiries.size >= MAX_NONCES) this.forgetExpired(now);
    if (this.expiries.size >= MAX_NONCES) return "full";
    this.expiries.set(id, expiresAt);
    return "claimed";
  }

  /** The live nonces, for the state file. */
  toJSON(now: number): Record<string, number> {
    this.forgetExpired(now);
    return Object.fromEntries(this.expiries);
  }

  private forgetExpired(now: number): void {
    for (const [id, expiry] of this.expiries) if (expiry < now) this.expiries.delete(id);
  }
}

function digest(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 22);
}
