import type { CamsClient } from "../client/camsClient";
import { QrdlContent, QrdlRecord, QrdlTarget, targetKey } from "../client/operations";
import { CamsError } from "../errors/camsError";
import { isAuthenticationError } from "../errors/classify";
import { AdoptionError, AmbiguousOutcomeError, CodeVanishedError } from "../errors/lifecycleErrors";
import type { ClaimRegistry } from "./claims";
import { QrdlDirectory } from "./directory";
import { Grace, Settlement, codesWith, findMade, sameContent, settleWithin } from "./settle";
import { successorWhenSettled } from "./successor";

export { sameContent } from "./settle";

/** What a change needs: the client, the process's directory of codes, the machine's claims, the grace period. */
export interface ChangeDeps extends Grace {
  client: Pick<CamsClient, "createQrdl" | "updateQrdl" | "deleteQrdl">;
  directory: QrdlDirectory;
  claims: ClaimRegistry;
}

/** How often a change whose answer was lost is sent again after it was found to have changed nothing. */
const MAX_SENDS = 5;

/** Codes that say the caller may not act at all: no listing can turn them into "already gone". */
const REFUSALS = new Set(["Ram.PermissionDeny", "Forbidden.RAM", "Product.Unsubscript", "Unknown.ResourceOwnerId"]);

/** A lost change that could not be settled, and the codes of its content listed just before it was sent. */
export class UnsettledChange extends Error {
  constructor(override readonly cause: unknown, readonly before: string[]) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Sends a change of `content` on the target, never leaving a duplicate. Each send is preceded by a
 * listing asked for after the change was, and announced to the machine's other processes; when
 * its answer is lost the codes are listed until the change is found done or refused (then it is
 * sent again), or proven ambiguous.
 */
async function change(
  deps: ChangeDeps,
  target: QrdlTarget,
  content: QrdlContent,
  send: () => Promise<QrdlRecord>,
  judge: (live: Map<string, QrdlRecord>, before: Set<string>) => Settlement,
  operation: string,
  fromCode?: string,
): Promise<QrdlRecord> {
  const { directory, claims } = deps;
  const key = targetKey(target);
  let listing = (await directory.listAfter(target, directory.ticket())).records;
  for (let sends = 1; ; sends++) {
    const before = new Set(codesWith(listing.values(), content));
    const intent = claims.announce(key, content, fromCode);
    let unsettled = false;
    try {
      const record = await directory.send(target, send);
      claims.claim(key, record.qrdlCode, { replaces: fromCode });
      directory.learn(target, record);
      return record;
    } catch (error) {
      if (!isLostAnswer(error)) throw error;
      claims.mark(key, intent, "lost");
      // Left unsettled, the lost change stays on the machine's board, where a rerun looks for its code.
      unsettled = true;
      const settled = await directory
        .reconcile(target, () => settleWithin(directory, deps, target, (live) => judge(live, before)))
        .catch((failure: unknown) => Promise.reject(new UnsettledChange(failure, [...before])));
      if (settled.settlement.kind === "done") return settled.settlement.record;
      if (settled.settlement.kind === "unknown") throw new UnsettledChange(new AmbiguousOutcomeError(operation, target, settled.settlement.candidates), [...before]);
      if (sends >= MAX_SENDS) throw new UnsettledChange(error, [...before]);
      listing = settled.live;
      unsettled = false;
    } finally {
      if (!unsettled) claims.mark(key, intent, "settled");
    }
  }
}

/** CreatePhoneMessageQrdl, never leaving a duplicate nor taking a code another resource made. */
export async function createCode(deps: ChangeDeps, target: QrdlTarget, content: QrdlContent): Promise<QrdlRecord> {
  const made = (live: Map<string, QrdlRecord>, before: Set<string>) => findMade(deps.claims, target, live, before, content);
  try {
    return await change(deps, target, content, () => deps.client.createQrdl({ ...target, ...content }), made, "CreatePhoneMessageQrdl");
  } catch (error) {
    throw error instanceof UnsettledChange ? error.cause : error;
  }
}

/**
 * UpdatePhoneMessageQrdl on the current code. The answer's code is authoritative (CAMS may issue a
 * new one, and the old one is gone). Throws UnsettledChange when a lost answer could not be settled.
 */
export async function updateCode(deps: ChangeDeps, target: QrdlTarget, qrdlCode: string, content: QrdlContent): Promise<QrdlRecord> {
  const judge = (live: Map<string, QrdlRecord>, before: Set<string>): Settlement => {
    const current = live.get(qrdlCode);
    if (current) return sameContent(current, content) ? { kind: "done", record: current } : { kind: "refused" };
    return findMade(deps.claims, target, live, before, content, qrdlCode);
  };
  const send = () => deps.client.updateQrdl({ ...target, ...content, qrdlCode });
  try {
    const record = await change(deps, target, content, send, judge, "UpdatePhoneMessageQrdl", qrdlCode);
    replaced(deps, target, qrdlCode, record);
    return record;
  } catch (error) {
    if (error instanceof UnsettledChange || !mayMeanGone(error)) throw error;
    const successor = await successorWhenSettled(deps, target, qrdlCode, content);
    if (successor?.qrdlCode === qrdlCode) throw error;
    if (!successor) throw new CodeVanishedError(target, qrdlCode);
    return replaced(deps, target, qrdlCode, successor);
  }
}

/** Moves the resource from its old code to the one CAMS now holds for it. */
function replaced(deps: ChangeDeps, target: QrdlTarget, oldCode: string, record: QrdlRecord): QrdlRecord {
  if (record.qrdlCode !== oldCode) {
    deps.directory.forget(target, oldCode);
    deps.claims.release(targetKey(target), oldCode);
  }
  deps.directory.learn(target, record);
  return record;
}

/**
 * Takes over an existing code instead of creating one. Like Pulumi's `import`, it changes nothing:
 * the declared content must match the live code, so adopting never breaks a printed copy; and a
 * code another resource holds is refused, so two resources never own one code.
 */
export async function adoptCode(deps: ChangeDeps, target: QrdlTarget, qrdlCode: string, content: QrdlContent): Promise<QrdlRecord> {
  const live = (await deps.directory.list(target, 0)).get(qrdlCode);
  if (!live) throw AdoptionError.notFound(target, qrdlCode);
  if (!sameContent(live, content)) throw AdoptionError.mismatch(qrdlCode, live, content);
  if (!deps.claims.claim(targetKey(target), qrdlCode, { exclusive: true })) throw AdoptionError.claimed(target, qrdlCode);
  deps.directory.learn(target, live);
  return live;
}

/** DeletePhoneMessageQrdl; a code that is already gone counts as deleted. */
export async function deleteCode(deps: ChangeDeps, target: QrdlTarget, qrdlCode: string): Promise<void> {
  const { client, directory } = deps;
  try {
    await directory.send(target, () => client.deleteQrdl({ ...target, qrdlCode }));
  } catch (error) {
    if (!mayMeanGone(error) || (await directory.list(target, 0)).has(qrdlCode)) throw error;
  }
  directory.forget(target, qrdlCode);
  deps.claims.release(targetKey(target), qrdlCode);
}

function isLostAnswer(error: unknown): boolean {
  return error instanceof CamsError && error.outcomeUnknown;
}

function mayMeanGone(error: unknown): boolean {
  return error instanceof CamsError && error.httpStatus !== undefined && !error.retryable && !REFUSALS.has(error.code) && !isAuthenticationError(error);
}
