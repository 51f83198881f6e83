import { createHash, randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { QrdlContent } from "../client/operations";
import { MachineLock } from "./machineLock";

/** A change sent to CAMS and not yet settled: its answer may still come ("inFlight") or was lost ("lost"). */
interface Intent {
  owner: string;
  pid: number;
  at: number;
  content: string;
  state: "inFlight" | "lost";
}

/** One target's shared record: codes held by a resource of some process, and changes not yet settled. */
interface Board {
  claims: Record<string, { owner: string; pid: number; at: number }>;
  intents: Record<string, Intent>;
}

/** What a process that reconciles a lost change must know of the other processes of the machine. */
export interface Rivals {
  /** Codes some resource of this machine's processes holds. */
  claimed: Set<string>;
  /** Other processes' changes of the same content whose answer may still arrive. */
  othersInFlight: number;
  /** Changes of the same content, this process's included, whose answer was lost and is not settled. */
  lost: number;
}

/** Entries older than this are from runs long over (a process killed mid-change, say). */
const STALE_MS = 15 * 60_000;

/**
 * Which codes are held, and which changes are under way, across every provider process of this
 * machine on one CAMS endpoint: stacks applied at once (or CI jobs on one runner) then never adopt
 * each other's codes. Content is kept as a hash, never as the message, which may be secret.
 */
export class ClaimRegistry {
  private readonly dir: string;
  /** This registry's name on the board: the process, and which provider in it (tests run several). */
  private readonly owner = `${process.pid}:${randomBytes(4).toString("hex")}`;
  private next = 0;

  /** `held`: the codes the resources this process has seen hold (from the state, or made or adopted here). */
  constructor(endpoint: string, private readonly held = new Set<string>(), root = path.join(os.tmpdir(), "pulumi-cams", "claims")) {
    this.dir = path.join(root, digest(endpoint));
  }

  /**
   * Records that a resource now holds `code`. CAMS's answer is proof and always wins; an `exclusive`
   * claim (adopting) is refused when a resource of this process or of a running one holds it already.
   */
  claim(targetKey: string, code: string, exclusive = false): boolean {
    if (exclusive && this.held.has(code)) return false;
    const claimed = this.edit(targetKey, (board) => {
      const holder = board.claims[code];
      if (exclusive && holder && holder.owner !== this.owner && alive(holder.pid)) return false;
      board.claims[code] = this.entry();
      return true;
    });
    if (claimed) this.held.add(code);
    return claimed;
  }

  /** Records that no resource holds `code` any more (deleted, or replaced by a reissued code). */
  release(targetKey: string, code: string): void {
    this.held.delete(code);
    this.edit(targetKey, (board) => void delete board.claims[code]);
  }

  /** Announces a change about to be sent; returns its handle. */
  announce(targetKey: string, content: QrdlContent): string {
    const id = `${this.owner}:${this.next++}`;
    this.edit(targetKey, (board) => void (board.intents[id] = { ...this.entry(), content: contentKey(content), state: "inFlight" }));
    return id;
  }

  /** Marks an announced change as lost (its answer will never come) or settled (forgotten). */
  mark(targetKey: string, id: string, state: "lost" | "settled"): void {
    this.edit(targetKey, (board) => {
      if (state === "settled") delete board.intents[id];
      else if (board.intents[id]) board.intents[id].state = "lost";
    });
  }

  /**
   * Runs `decide` with the machine's view of the target while no other process edits it, so two
   * reconciling processes never pick the same code.
   */
  decide<T>(targetKey: string, content: QrdlContent, decide: (rivals: Rivals, claim: (code: string) => void) => T): T {
    return this.edit(targetKey, (board) => {
      const key = contentKey(content);
      const same = Object.values(board.intents).filter((i) => i.content === key);
      const rivals: Rivals = {
        claimed: new Set([...Object.keys(board.claims), ...this.held]),
        othersInFlight: same.filter((i) => i.state === "inFlight" && i.owner !== this.owner).length,
        lost: same.filter((i) => i.state === "lost").length,
      };
      return decide(rivals, (code) => {
        board.claims[code] = this.entry();
        this.held.add(code);
      });
    });
  }

  private entry(): { owner: string; pid: number; at: number } {
    return { owner: this.owner, pid: process.pid, at: Date.now() };
  }

  private edit<T>(targetKey: string, change: (board: Board) => T): T {
    fs.mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${digest(targetKey)}.json`);
    return new MachineLock(`${file}.lock`).hold(() => {
      const board = prune(read(file));
      const result = change(board);
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(board));
      fs.renameSync(temp, file);
      return result;
    });
  }
}

/** A short, one-way name for content, so two processes can compare it without storing the message. */
export function contentKey(content: QrdlContent): string {
  return digest(`${content.generateQrImage}\n${content.prefilledMessage}`);
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
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

// A claim outlives its process (the code is in that stack's state now); an intent dies with it.
function prune(board: Board): Board {
  const recent = (e: { at: number }) => Date.now() - e.at < STALE_MS;
  return {
    claims: Object.fromEntries(Object.entries(board.claims).filter(([, e]) => recent(e))),
    intents: Object.fromEntries(Object.entries(board.intents).filter(([, e]) => recent(e) && alive(e.pid))),
  };
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
