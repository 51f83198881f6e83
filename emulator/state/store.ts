import { NonceRegistry, type NonceClaim, type NonceLedger } from "../auth/nonces";
import type { StoredQrdl } from "../records";
import { withFileLock } from "./fileLock";
import type { StateFile } from "./stateFile";

/** Where a code lives: codes are scoped to a phone number and a space (no CustSpaceId is a space of its own). */
export interface QrdlScope {
  phoneNumber: string;
  custSpaceId?: string;
}

/**
 * The message QR codes and signature nonces the emulator holds. With a state file, every change happens in a
 * transaction: under the file's lock, re-read what other emulator processes wrote, apply, write back.
 */
export class QrdlStore implements NonceLedger {
  // Keyed by QrdlCode: like Meta's, codes are unique across all phone numbers.
  private codes = new Map<string, StoredQrdl>();
  private nonces = new NonceRegistry();
  private inTransaction = false;
  private dirty = false;

  constructor(
    private readonly file: StateFile | undefined,
    private readonly clock: () => number,
  ) {
    this.refresh();
  }

  /** Picks up what another emulator process wrote to the shared state file since we last looked. */
  refresh(): void {
    const fromFile = this.file?.readIfChanged();
    if (!fromFile) return;
    this.codes = new Map(fromFile.codes.map((c) => [c.qrdlCode, { ...c }]));
    this.nonces = new NonceRegistry(fromFile.nonces);
  }

  /** Runs a read-modify-write as one step against the shared file (nested calls join the outer one). */
  transaction<T>(action: () => T): T {
    if (this.inTransaction || !this.file) return action();
    return withFileLock(this.file.lockPath, () => {
      this.inTransaction = true;
      try {
        this.refresh();
        return action();
      } finally {
        this.inTransaction = false;
        if (this.dirty) this.persist();
      }
    });
  }

  /** Every code, oldest first. */
  all(): StoredQrdl[] {
    return [...this.codes.values()].map((c) => ({ ...c }));
  }

  /** The code with this QrdlCode, whatever its scope. */
  byCode(qrdlCode: string): StoredQrdl | undefined {
    const found = this.codes.get(qrdlCode);
    return found && { ...found };
  }

  /** The code with this QrdlCode if it lives in this scope. */
  inScope(scope: QrdlScope, qrdlCode: string): StoredQrdl | undefined {
    const found = this.byCode(qrdlCode);
    return found && sameScope(found, scope) ? found : undefined;
  }

  /** The codes of one phone number in one space, oldest first. */
  list(scope: QrdlScope): StoredQrdl[] {
    return this.all().filter((c) => sameScope(c, scope));
  }

  /** How many codes a phone number has across all spaces (Meta's limit counts per number). */
  countForPhone(phoneNumber: string): number {
    let count = 0;
    for (const c of this.codes.values()) if (c.phoneNumber === phoneNumber) count++;
    return count;
  }

  /** Whether a QrdlCode is taken. */
  has(qrdlCode: string): boolean {
    return this.codes.has(qrdlCode);
  }

  /** Adds or replaces codes and removes others in one persisted change. */
  commit(change: { put?: StoredQrdl[]; remove?: string[] }): void {
    this.transaction(() => {
      for (const code of change.remove ?? []) this.codes.delete(code);
      for (const c of change.put ?? []) this.codes.set(c.qrdlCode, { ...c });
      this.changed();
    });
  }

  /** Forgets every code; the nonces stay, so a reset cannot reopen a replay. */
  clear(): void {
    this.transaction(() => {
      this.codes.clear();
      this.changed();
    });
  }

  /** Claims a signature nonce, persisted with the codes so a restart or a second emulator cannot replay it. */
  claimNonce(key: string, expiresAt: number, now: number): NonceClaim {
    return this.transaction(() => {
      const claim = this.nonces.claim(key, expiresAt, now);
      if (claim === "claimed") this.changed();
      return claim;
    });
  }

  private changed(): void {
    if (this.inTransaction) this.dirty = true;
    else this.persist();
  }

  private persist(): void {
    this.dirty = false;
    if (!this.file) return;
    this.file.write({ codes: [...this.codes.values()], nonces: this.nonces.toJSON(this.clock()) });
  }
}

function sameScope(code: StoredQrdl, scope: QrdlScope): boolean {
  return code.phoneNumber === scope.phoneNumber && code.custSpaceId === scope.custSpaceId;
}
