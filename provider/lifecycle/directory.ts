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

/** A target's codes, and the number of the listing, which orders it after every listing asked for before. */
export interface Listing {
  seq: number;
  at: number;
  records: Map<string, QrdlRecord>;
}

/**
 * What this provider process knows of each phone number's codes. Reads share one listing per
 * phone number and space (a refresh of N codes costs one call per number, not N); changes take
 * a listing asked for after they were, so a lost answer is reconciled against the codes of just
 * before the call.
 */
export class QrdlDirectory {
  private readonly listings = new Map<string, Listing>();
  private readonly pending = new Map<string, { seq: number; listing: Promise<Listing> }>();
  /** Per target: the listing that starts once the one in flight is answered, shared by all who ask meanwhile. */
  private readonly queued = new Map<string, Promise<Listing>>();
  private readonly gates = new Map<string, Gate>();
  private started = 0;

  constructor(
    private readonly lister: Lister,
    private readonly maxAgeMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The target's codes, from a listing at most `maxAgeMs` old; 0 asks for one sent after this call. */
  async list(target: QrdlTarget, maxAgeMs = this.maxAgeMs): Promise<Map<string, QrdlRecord>> {
    const cached = this.listings.get(targetKey(target));
    if (maxAgeMs > 0 && cached && this.now() - cached.at <= maxAgeMs) return cached.records;
    if (maxAgeMs > 0 && this.pending.has(targetKey(target))) return (await this.pending.get(targetKey(target))!.listing).records;
    return (await this.listAfter(target, this.ticket())).records;
  }

  /** A mark in time: a listing sent after it may serve everyone who took it. */
  ticket(): number {
    return this.started;
  }

  /**
   * A listing whose request went out after `ticket` was taken. One listing per target is in flight at
   * a time; whoever asks meanwhile shares the next one, so a burst of changes costs a few listings.
   */
  async listAfter(target: QrdlTarget, ticket: number): Promise<Listing> {
    const key = targetKey(target);
    const pending = this.pending.get(key);
    if (pending && pending.seq > ticket) return pending.listing;
    const cached = this.listings.get(key);
    if (cached && cached.seq > ticket) return cached;
    if (!pending) return this.start(target, key);
    let next = this.queued.get(key);
    if (!next) {
      next = pending.listing.then(
        () => this.start(target, key),
        () => this.start(target, key),
      );
      this.queued.set(key, next);
    }
    return next;
  }

  private start(target: QrdlTarget, key: string): Promise<Listing> {
    this.queued.delete(key);
    const seq = ++this.started;
    const listing = this.fetch(target, key, seq).finally(() => {
      if (this.pending.get(key)?.seq === seq) this.pending.delete(key);
    });
    this.pending.set(key, { seq, listing });
    return listing;
  }

  /** Records a code a change of this process made or adopted, so reads find it. */
  learn(target: QrdlTarget, record: QrdlRecord): void {
    this.listings.get(targetKey(target))?.records.set(record.qrdlCode, record);
  }

  /** Records that a code no longer exists (deleted, or replaced by a reissued code). */
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
   * they made are claimed) and before any new call goes out (so none can be mistaken for lost).
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

  private async fetch(target: QrdlTarget, key: string, seq: number): Promise<Listing> {
    const records = await this.lister.listQrdls(target);
    const listing = { seq, at: this.now(), records: new Map(records.map((r) => [r.qrdlCode, r])) };
    if ((this.listings.get(key)?.seq ?? 0) < seq) this.listings.set(key, listing);
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
}
