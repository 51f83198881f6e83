import { QrdlContent, QrdlRecord, QrdlTarget, targetKey } from "../client/operations";
import type { ClaimRegistry } from "./claims";
import type { QrdlDirectory } from "./directory";

/** What a change whose answer was lost did, as far as the codes on the number show. */
export type Settlement =
  /** It made (or now holds) this code, claimed for the resource. */
  | { kind: "done"; record: QrdlRecord }
  /** It changed nothing that can be seen: sending it again is safe once the grace period is over. */
  | { kind: "refused" }
  /** Codes appeared that it or someone else may have made: adopting any could take another's code. */
  | { kind: "unknown"; candidates: string[]; othersInFlight?: boolean };

/** Whether a code already carries the wanted content. */
export function sameContent(record: QrdlContent, wanted: QrdlContent): boolean {
  return record.prefilledMessage === wanted.prefilledMessage && record.generateQrImage === wanted.generateQrImage;
}

/** The codes of a listing that carry `content`: what a change of that content must not mistake for its own. */
export function codesWith(records: Iterable<QrdlRecord>, content: QrdlContent): string[] {
  return [...records].filter((r) => sameContent(r, content)).map((r) => r.qrdlCode);
}

/**
 * Finds the code a lost change made: a code with its content that was not among `before` (the codes
 * of that content listed just before the call) and that no resource of this machine holds. Adopts it
 * only when no other process's call of that content is still under way and there are no more such
 * codes than lost calls of that content, so each is explained by a call of ours.
 */
export function findMade(claims: ClaimRegistry, target: QrdlTarget, live: Map<string, QrdlRecord>, before: Set<string>, content: QrdlContent, replaces?: string): Settlement {
  return claims.decide(targetKey(target), content, (rivals, claim) => {
    const candidates = [...live.values()].filter((r) => sameContent(r, content) && !before.has(r.qrdlCode) && !rivals.claimed.has(r.qrdlCode));
    if (!candidates.length) return { kind: "refused" };
    const codes = candidates.map((r) => r.qrdlCode);
    if (rivals.othersInFlight > 0) return { kind: "unknown", candidates: codes, othersInFlight: true };
    if (candidates.length > Math.max(1, rivals.lost)) return { kind: "unknown", candidates: codes };
    claim(candidates[0].qrdlCode, replaces);
    return { kind: "done", record: candidates[0] };
  });
}

/** How long past the grace period to wait for other processes' calls of the same content to be answered. */
const OTHERS_MS = 60_000;

/** How long to look for the effect of a lost change before sending it again, and the pause between looks. */
export interface Grace {
  graceMs: number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Lists the number again and again for the grace period until `judge` settles the lost change:
 * CAMS may commit a call after its answer was lost, and another process may still claim a code.
 */
export async function settleWithin(
  directory: QrdlDirectory,
  grace: Grace,
  target: QrdlTarget,
  judge: (live: Map<string, QrdlRecord>) => Settlement,
): Promise<{ settlement: Settlement; live: Map<string, QrdlRecord> }> {
  const deadline = Date.now() + grace.graceMs;
  for (;;) {
    const live = (await directory.listAfter(target, directory.ticket())).records;
    const settlement = judge(live);
    const waitingForOthers = settlement.kind === "unknown" && settlement.othersInFlight === true;
    const left = deadline + (waitingForOthers ? OTHERS_MS : 0) - Date.now();
    if (settlement.kind === "done" || left <= 0) return { settlement, live };
    // One more look at the end of the grace period is enough; waiting for others needs a few.
    await grace.sleep(waitingForOthers ? Math.min(left, Math.max(grace.graceMs / 3, 50)) : left);
  }
}
