import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { withFileLockSync } from "../machine/fileLock";

/** Who wrote an entry: a provider of some process, and when. */
export interface Entry {
  owner: string;
  pid: number;
  at: number;
}

/** A change sent to CAMS and not yet settled: its answer may still come ("inFlight") or was lost ("lost"). */
export interface Intent extends Entry {
  /** The hash of the content it asks for (see `contentKey`). */
  content: string;
  state: "inFlight" | "lost";
  /** For an update: the code it was sent for. */
  fromCode?: string;
}

/** A code a resource holds; for a code an update issued, the code it replaced. */
export interface Claim extends Entry {
  replaces?: string;
}

/** One target's shared record: codes held by a resource of some process, and changes not yet settled. */
export interface Board {
  claims: Record<string, Claim>;
  intents: Record<string, Intent>;
}

/** Entries older than this are from runs long over; younger ones of dead processes tell a rerun what a killed run did. */
const STALE_MS = 15 * 60_000;

/** A short, one-way name: content is compared by it so the board never holds a message, which may be secret. */
export function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** Edits the board in `file` while no other process of the machine does. */
export function editBoard<T>(file: string, change: (board: Board) => T): T {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return withFileLockSync(`${file}.lock`, () => {
    const board = prune(read(file));
    const result = change(board);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(board));
    fs.renameSync(temp, file);
    return result;
  });
}

function read(file: string): Board {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Board>;
    return { claims: parsed.claims ?? {}, intents: parsed.intents ?? {} };
  } catch {
    // Missing (first use) or torn by a crash: start empty; the live listing is the ground truth.
    return { claims: {}, intents: {} };
  }
}

function prune(board: Board): Board {
  const recent = (e: Entry) => Date.now() - e.at < STALE_MS;
  return {
    claims: Object.fromEntries(Object.entries(board.claims).filter(([, e]) => recent(e))),
    intents: Object.fromEntries(Object.entries(board.intents).filter(([, e]) => recent(e))),
  };
}
