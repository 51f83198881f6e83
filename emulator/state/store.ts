import type { StoredQrdl } from "../records";
import type { StateFile } from "./stateFile";

/** Where a code lives: codes are scoped to a phone number and a space (no CustSpaceId is a space of its own). */
export interface QrdlScope {
  phoneNumber: string;
  custSpaceId?: string;
}

/** The message QR codes the emulator holds, written through to the state file after every change. */
export class QrdlStore {
  // Keyed by QrdlCode: like Meta's, codes are unique across all phone numbers.
  private codes = new Map<string, StoredQrdl>();

  constructor(private readonly file?: StateFile) {
    this.refresh();
  }

  /** Picks up what another emulator process wrote to the shared state file since we last looked. */
  refresh(): void {
    const fromFile = this.file?.readIfChanged();
    if (fromFile) this.codes = new Map(fromFile.map((c) => [c.qrdlCode, { ...c }]));
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
    for (const code of change.remove ?? []) this.codes.delete(code);
    for (const c of change.put ?? []) this.codes.set(c.qrdlCode, { ...c });
    this.persist();
  }

  /** Forgets every code. */
  clear(): void {
    this.codes.clear();
    this.persist();
  }

  private persist(): void {
    this.file?.write([...this.codes.values()]);
  }
}

function sameScope(code: StoredQrdl, scope: QrdlScope): boolean {
  return code.phoneNumber === scope.phoneNumber && code.custSpaceId === scope.custSpaceId;
}
