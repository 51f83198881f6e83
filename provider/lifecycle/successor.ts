import type { QrdlContent, QrdlRecord, QrdlTarget } from "../client/operations";
import { targetKey } from "../client/operations";
import { AmbiguousOutcomeError } from "../errors/lifecycleErrors";
import type { ClaimRegistry } from "./claims";
import type { QrdlDirectory } from "./directory";
import { findMade } from "./settle";

/**
 * The code an earlier update of `fromCode` was given, now that `fromCode` is gone: the one this
 * machine saw CAMS issue for it, or the one live code with the content an unanswered update of it
 * asked for (a run killed mid-update leaves both on the machine's board). With the wanted content
 * known (an `up`), the one code with it that no resource holds also counts. Undefined when none
 * is: the old code was deleted outside Pulumi.
 */
export function successorOf(claims: ClaimRegistry, target: QrdlTarget, fromCode: string, live: Map<string, QrdlRecord>, wanted?: QrdlContent): QrdlRecord | undefined | "wait" {
  const key = targetKey(target);
  const { issued, candidates, explained, othersInFlight } = claims.successorsOf(key, fromCode, live);
  const found = issued.length === 1 ? live.get(issued[0]) : !issued.length && candidates.length && explained ? candidates[0] : undefined;
  if (found) {
    claims.claim(key, found.qrdlCode, { replaces: fromCode });
    return found;
  }
  // Another process's change of that content is still waiting for its answer, which will claim its code.
  if (othersInFlight > 0 && !issued.length) return "wait";
  if (issued.length + candidates.length > 1) throw new AmbiguousOutcomeError("UpdatePhoneMessageQrdl", target, [...issued, ...candidates.map((c) => c.qrdlCode)]);
  if (!wanted) return undefined;
  const made = findMade(claims, target, live, new Set(), wanted);
  if (made.kind === "unknown") throw new AmbiguousOutcomeError("UpdatePhoneMessageQrdl", target, made.candidates);
  return made.kind === "done" ? made.record : undefined;
}

/** How long to wait for other processes' changes of the same content to be answered. */
const OTHERS_MS = 60_000;

/** `successorOf` on fresh listings, waiting while another process's change of the content is in flight. */
export async function successorWhenSettled(
  deps: { claims: ClaimRegistry; directory: QrdlDirectory; sleep: (ms: number) => Promise<void> },
  target: QrdlTarget,
  fromCode: string,
  wanted?: QrdlContent,
): Promise<QrdlRecord | undefined> {
  for (const deadline = Date.now() + OTHERS_MS; ; ) {
    const live = (await deps.directory.listAfter(target, deps.directory.ticket())).records;
    if (live.has(fromCode)) return live.get(fromCode);
    const found = successorOf(deps.claims, target, fromCode, live, wanted);
    if (found !== "wait" || Date.now() > deadline) return found === "wait" ? undefined : found;
    await deps.sleep(500);
  }
}
