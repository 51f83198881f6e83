import { QrdlRecord, QrdlTarget, targetKey } from "../client/operations";

/** The one call the directory needs from the CAMS client. */
export interface Lister {
  listQrdls(target: QrdlTarget): Promise<QrdlRecord[]>;
}

/** Per target: the calls under way, and the reconcile that new calls wait for. */
interface Gate {
  inFlight: Set<Promise<unknown>>;
  reconciling: Promise<void>;
}

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
  private readonly gates = new Map<string, Gate>();

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

  /** Sends a call that may create or change codes; waits while a reconcile of the target runs. */
  async send<T>(target: QrdlTarget, call: () => Promise<T>): Promise<T> {
    const gate = this.gateOf(targetKey(target));
    for (let seen = gate.reconciling; ; seen = gate.reconciling) {
      await seen;
      if (seen === gate.reconciling) break;
    }
    const sent = call();
    gate.inFlight.add(sent);
    try {
      return await sent;
    } finally {
      gate.inFlight.delete(sent);
    }
  }

  /**
   * Runs `work` alone on the target: after every call already sent has its answer (so the codes
   * they made are on record) and before any new call goes out (so none can be mistaken for lost).
   */
  async reconcile<T>(target: QrdlTarget, work: () => Promise<T>): Promise<T> {
    const gate = this.gateOf(targetKey(target));
    const before = gate.reconciling;
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    gate.reconciling = before.then(() => done);
    await before;
    try {
      await Promise.allSettled([...gate.inFlight]);
      return await work();
    } finally {
      release();
    }
  }

  private async fetch(target: QrdlTarget, key: string): Promise<Listing> {
    const records = await this.lister.listQrdls(target);
    const listing = { at: this.now(), records: new Map(records.map((r) => [r.qrdlCode, r])) };
    this.listings.set(key, listing);
    if (!this.known.has(key)) this.known.set(key, new Set(listing.records.keys()));
    return listing;
  }

  private gateOf(key: string): Gate {
    let gate = this.gates.get(key);
    if (!gate) {
      gate = { inFlight: new Set(), reconciling: Promise.resolve() };
      this.gates.set(key, gate);
    }
    return gate;
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
