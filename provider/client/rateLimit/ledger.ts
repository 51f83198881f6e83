import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isRunning } from "../../machine/fileLock";

/** One call's claim on the rate: held while it is on the wire, and for a window after its answer. */
export interface SlotEntry {
  id: string;
  pid: number;
  /** The call has not been answered yet; `until` is then the latest it can still be. */
  inFlight: boolean;
  /** Epoch ms after which the slot no longer counts. */
  until: number;
}

/** What the processes sharing one AccessKey know together: the slots in use, and how far the rate was cut. */
export interface LedgerState {
  slots: SlotEntry[];
  /** The share of the configured rate in force just after the last cut (1 = uncut). */
  cutShare: number;
  /** Epoch ms of the last cut. */
  cutAt: number;
}

/** The ledger of one endpoint and AccessKey; its file name holds a hash, never the key id itself. */
export interface LedgerFiles {
  file: string;
  lock: string;
}

/** Where the ledger for `endpoint` and `accessKeyId` lives: a private directory of this user under the system temp dir. */
export function ledgerFiles(endpoint: string, accessKeyId: string, dir: string = defaultDir()): LedgerFiles {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  sweepStale(dir);
  const key = createHash("sha256").update(`${endpoint}\n${accessKeyId}`).digest("hex").slice(0, 32);
  const file = path.join(dir, `calls-${key}.json`);
  return { file, lock: `${file}.lock` };
}

/** A ledger untouched this long holds no slot that still counts (a call's slot lasts its timeouts plus a second). */
const STALE_AFTER_MS = 24 * 60 * 60_000;

/** Removes the ledgers of endpoints and keys no longer used (each emulator run has its own port). */
function sweepStale(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_AFTER_MS) fs.rmSync(file, { force: true });
    } catch {
      // Another process swept it first.
    }
  }
}

function defaultDir(): string {
  return path.join(os.tmpdir(), `pulumi-cams-${process.getuid?.() ?? "user"}`);
}

/** The ledger as stored, without slots that no longer count; a missing or damaged file is an empty ledger. */
export function loadLedger(files: LedgerFiles, now: number, windowMs: number): LedgerState {
  let state: LedgerState = { slots: [], cutShare: 1, cutAt: 0 };
  try {
    const parsed = JSON.parse(fs.readFileSync(files.file, "utf8")) as LedgerState;
    if (Array.isArray(parsed.slots) && typeof parsed.cutShare === "number" && typeof parsed.cutAt === "number") state = parsed;
  } catch {
    // No ledger yet, or one cut short by a crash: start afresh.
  }
  state.slots = state.slots.filter((s) => s.until > now).map((s) => settleAbandoned(s, now, windowMs));
  return state;
}

/** Writes the ledger whole, through a rename, so a reader never sees half of it. */
export function saveLedger(files: LedgerFiles, state: LedgerState): void {
  const temp = `${files.file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
  fs.renameSync(temp, files.file);
}

// A process that died mid-call sent its request at the latest now: count it from now.
function settleAbandoned(slot: SlotEntry, now: number, windowMs: number): SlotEntry {
  if (!slot.inFlight || slot.pid === process.pid || isRunning(slot.pid)) return slot;
  return { ...slot, inFlight: false, until: Math.min(slot.until, now + windowMs) };
}
