import { randomBytes } from "crypto";
import * as os from "os";
import * as path from "path";
import type { QrdlContent, QrdlRecord } from "../client/operations";
import { isRunning } from "../machine/fileLock";
import { Board, Entry, digest, editBoard } from "./claimsBoard";

/** What a process that reconciles a lost change must know of the other processes of the machine. */
export interface Rivals {
  /** Codes some resource of this machine's processes holds. */
  claimed: Set<string>;
  /** Other running processes' changes of the same content whose answer may still arrive. */
  othersInFlight: number;
  /** Changes of the same content, this process's included, whose answer was lost and is not settled. */
  lost: number;
}

/** What the machine knows of an update of `fromCode`, perhaps by a run killed since. */
export interface Successors {
  /** Codes an answered update of it issued. */
  issued: string[];
  /** Live codes with the content an unanswered update of it asked for, held by no resource. */
  candidates: QrdlRecord[];
}

/**
 * Which codes are held, and which changes are under way, across every provider process of this
 * machine on one CAMS endpoint: stacks applied at once (or CI jobs on one runner) never adopt each
 * other's codes, and a rerun after a killed run finds the codes its updates were given.
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
  claim(targetKey: string, code: string, { exclusive = false, replaces }: { exclusive?: boolean; replaces?: string } = {}): boolean {
    if (exclusive && this.held.has(code)) return false;
    const claimed = this.edit(targetKey, (board) => {
      const holder = board.claims[code];
      if (exclusive && holder && holder.owner !== this.owner && isRunning(holder.pid)) return false;
      this.record(board, code, replaces);
      return true;
    });
    return claimed;
  }

  /** Records that no resource holds `code` any more (deleted, or replaced by a reissued code). */
  release(targetKey: string, code: string): void {
    this.held.delete(code);
    this.edit(targetKey, (board) => void delete board.claims[code]);
  }

  /** Announces a change about to be sent (an update names the code it is sent for); returns its handle. */
  announce(targetKey: string, content: QrdlContent, fromCode?: string): string {
    const id = `${this.owner}:${this.next++}`;
    const intent = { ...this.entry(), content: contentKey(content), state: "inFlight" as const, ...(fromCode ? { fromCode } : {}) };
    this.edit(targetKey, (board) => void (board.intents[id] = intent));
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
  decide<T>(targetKey: string, content: QrdlContent, decide: (rivals: Rivals, claim: (code: string, replaces?: string) => void) => T): T {
    return this.edit(targetKey, (board) => {
      const same = Object.values(board.intents).filter((i) => i.content === contentKey(content));
      const rivals: Rivals = {
        claimed: new Set([...Object.keys(board.claims), ...this.held]),
        othersInFlight: same.filter((i) => i.state === "inFlight" && i.owner !== this.owner && isRunning(i.pid)).length,
        // A change of a process that died unanswered is lost too: its code, if made, is nobody's yet.
        lost: same.filter((i) => i.state === "lost" || !isRunning(i.pid)).length,
      };
      return decide(rivals, (code, replaces) => this.record(board, code, replaces));
    });
  }

  /**
   * What updates of `fromCode` did, as far as this machine recorded them (by runs killed since
   * included). `candidates` are explained by unanswered changes of their content when `explained`.
   */
  successorsOf(targetKey: string, fromCode: string, live: Map<string, QrdlRecord>): Successors & { explained: boolean; othersInFlight: number } {
    return this.edit(targetKey, (board: Board) => {
      const issued = Object.entries(board.claims).filter(([code, c]) => c.replaces === fromCode && live.has(code)).map(([code]) => code);
      const asked = new Set(Object.values(board.intents).filter((i) => i.fromCode === fromCode).map((i) => i.content));
      const taken = new Set([...Object.keys(board.claims), ...this.held]);
      const candidates = [...live.values()].filter((r) => asked.has(contentKey(r)) && !taken.has(r.qrdlCode));
      const same = Object.values(board.intents).filter((i) => asked.has(i.content));
      const unanswered = same.filter((i) => i.state === "lost" || !isRunning(i.pid)).length;
      const othersInFlight = same.filter((i) => i.state === "inFlight" && i.owner !== this.owner && isRunning(i.pid)).length;
      return { issued, candidates, explained: candidates.length <= unanswered, othersInFlight };
    });
  }

  /** Notes that a resource holds `code`; an update's code settles every record of the update. */
  private record(board: Board, code: string, replaces?: string): void {
    board.claims[code] = { ...this.entry(), ...(replaces ? { replaces } : {}) };
    if (replaces) for (const [id, i] of Object.entries(board.intents)) if (i.fromCode === replaces) delete board.intents[id];
    this.held.add(code);
  }

  private entry(): Entry {
    return { owner: this.owner, pid: process.pid, at: Date.now() };
  }

  private edit<T>(targetKey: string, change: (board: Board) => T): T {
    return editBoard(path.join(this.dir, `${digest(targetKey)}.json`), change);
  }
}

/** A short, one-way name for content, so two processes can compare it without storing the message. */
export function contentKey(content: QrdlContent): string {
  return digest(`${content.generateQrImage}\n${content.prefilledMessage}`);
}
