import { QrdlRecord, QrdlTarget, targetKey } from "../client/operations";

/** The one call the directory needs from the CAMS client. */
export interface Lister {
  listQrdls(target: QrdlTarget): Promise<QrdlRecord[]>;
}

/** Identifies one running change, so it does not wait for itself. */
export type ChangeToken = Record<string, never>;

interface Listing {
  at: number;
  records: Map<string, QrdlRecord>;
}

/**
 * What this provider process knows of each phone number's codes. Reads share one listing per
 * phone number and space (a refresh of N codes costs one call per number, not N); the codes
 * seen before our own changes let an ambiguous create or update find the code it made.
 */
export class QrdlDirectory {
  private readonly listings = new Map<string, Listing>();
  private readonly pending = new Map<string, Promise<Listing>>();
  private readonly known = new Map<string, Set<string>>();
  private readonly inFlight = new Map<string, Map<ChangeToken, Promise<unknown>>>();

  constructor(
    private readonly lister: Lister,
    private readonly maxAgeMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The target's codes, from a listing at most `maxAgeMs` old (0: a fresh one). */
  async list(target: QrdlTarget, maxAgeMs = this.maxAgeMs): Promise<Map<string, QrdlRecord>> {
    const key = targetKey(target);
    const cached = this.listings.get(key);
    if (cached && this.now() - cached.at <= maxAgeMs) return cached.records;
    let pending = this.pending.get(key);
    if (!pending || maxAgeMs === 0) {
      const started: Promise<Listing> = this.fetch(target, key).finally(() => {
        if (this.pending.get(key) === started) this.pending.delete(key);
      });
      this.pending.set(key, started);
      pending = started;
    }
    return (await pending).records;
  }

  /** Makes sure the codes that existed before this process changed anything are on record. */
  async baseline(target: QrdlTarget): Promise<void> {
    if (!this.known.has(targetKey(target))) await this.list(target);
  }

  /** Codes that are neither on record nor claimed: candidates for a change whose answer was lost. */
  unclaimed(target: QrdlTarget, records: Iterable<QrdlRecord>): QrdlRecord[] {
    const known = this.knownSet(targetKey(target));
    return [...records].filter((r) => !known.has(r.qrdlCode));
  }

  /** Records a code this process made or adopted, so no other resource adopts it too. */
  learn(target: QrdlTarget, record: QrdlRecord): void {
    const key = targetKey(target);
    this.knownSet(key).add(record.qrdlCode);
    this.listings.get(key)?.records.set(record.qrdlCode, record);
  }

  /** Records that a code no longer exists. */
  forget(target: QrdlTarget, qrdlCode: string): void {
    this.listings.get(targetKey(target))?.records.delete(qrdlCode);
  }

  /** Runs a change on the target, visible to other changes' `settled` while it runs. */
  async track<T>(target: QrdlTarget, change: (self: ChangeToken) => Promise<T>): Promise<T> {
    const key = targetKey(target);
    const running = this.inFlight.get(key) ?? new Map<ChangeToken, Promise<unknown>>();
    this.inFlight.set(key, running);
    const self: ChangeToken = {};
    const promise = change(self);
    running.set(self, promise);
    try {
      return await promise;
    } finally {
      running.delete(self);
    }
  }

  /** Waits until every other change on the target has its answer, so the codes they made are on record. */
  async settled(target: QrdlTarget, self: ChangeToken): Promise<void> {
    const others = [...(this.inFlight.get(targetKey(target)) ?? new Map()).entries()].filter(([t]) => t !== self).map(([, p]) => p);
    await Promise.allSettled(others);
  }

  private async fetch(target: QrdlTarget, key: string): Promise<Listing> {
    const records = await this.lister.listQrdls(target);
    const listing = { at: this.now(), records: new Map(records.map((r) => [r.qrdlCode, r])) };
    this.listings.set(key, listing);
    if (!this.known.has(key)) this.known.set(key, new Set(listing.records.keys()));
    return listing;
  }

  private knownSet(key: string): Set<string> {
    let set = this.known.get(key);
    if (!set) {
      set = new Set();
      this.known.set(key, set);
    }
    return set;
  }
}
