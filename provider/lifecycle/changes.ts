import type { CamsClient } from "../client/camsClient";
import { QrdlContent, QrdlRecord, QrdlTarget } from "../client/operations";
import { CamsError } from "../errors/camsError";
import { isAuthenticationError } from "../errors/classify";
import { AdoptionError, CodeVanishedError } from "../errors/lifecycleErrors";
import { QrdlDirectory } from "./directory";

/** What a change needs: the client, and the directory of codes shared by the process. */
export interface ChangeDeps {
  client: Pick<CamsClient, "createQrdl" | "updateQrdl" | "deleteQrdl">;
  directory: QrdlDirectory;
}

/** How often a change whose answer was lost is reconciled and tried again before giving up. */
const MAX_RECONCILES = 5;

/** Codes that say the caller may not act at all: no listing can turn them into "already gone". */
const REFUSALS = new Set(["Ram.PermissionDeny", "Forbidden.RAM", "Product.Unsubscript", "Unknown.ResourceOwnerId"]);

/** Whether a code already carries the wanted content. */
export function sameContent(record: QrdlContent, wanted: QrdlContent): boolean {
  return record.prefilledMessage === wanted.prefilledMessage && record.generateQrImage === wanted.generateQrImage;
}

/**
 * CreatePhoneMessageQrdl, never leaving a duplicate: when the answer is lost the number's codes
 * are listed first, and a code the lost call made is adopted instead of creating another.
 */
export async function createCode(deps: ChangeDeps, target: QrdlTarget, content: QrdlContent): Promise<QrdlRecord> {
  const { client, directory } = deps;
  await directory.baseline(target);
  for (let attempt = 1; ; attempt++) {
    try {
      const record = await directory.send(target, () => client.createQrdl({ ...target, ...content }));
      directory.learn(target, record);
      return record;
    } catch (error) {
      if (!isLostAnswer(error) || attempt > MAX_RECONCILES) throw error;
      const made = await directory.reconcile(target, async () => {
        const live = await directory.list(target, 0);
        const found = directory.unclaimed(target, live.values()).find((r) => sameContent(r, content));
        if (found) directory.learn(target, found);
        return found;
      });
      if (made) return made;
    }
  }
}

/**
 * UpdatePhoneMessageQrdl on the current code. The answer's code is authoritative (CAMS may issue a
 * new one); a lost answer is reconciled by listing before any retry.
 */
export async function updateCode(deps: ChangeDeps, target: QrdlTarget, qrdlCode: string, content: QrdlContent): Promise<QrdlRecord> {
  const { client, directory } = deps;
  await directory.baseline(target);
  for (let attempt = 1; ; attempt++) {
    try {
      const record = await directory.send(target, () => client.updateQrdl({ ...target, ...content, qrdlCode }));
      if (record.qrdlCode !== qrdlCode) directory.forget(target, qrdlCode);
      directory.learn(target, record);
      return record;
    } catch (error) {
      if (!isLostAnswer(error) || attempt > MAX_RECONCILES) throw await explainMissing(deps, target, qrdlCode, error);
      const outcome = await directory.reconcile(target, async () => {
        const live = await directory.list(target, 0);
        const current = live.get(qrdlCode);
        if (current) return sameContent(current, content) ? current : "not applied";
        const made = directory.unclaimed(target, live.values()).find((r) => sameContent(r, content));
        if (!made) throw new CodeVanishedError(target, qrdlCode);
        directory.forget(target, qrdlCode);
        directory.learn(target, made);
        return made;
      });
      if (outcome !== "not applied") return outcome;
    }
  }
}

/**
 * Takes over an existing code instead of creating one. Like Pulumi's `import`, it changes nothing:
 * the declared content must match the live code, so adopting never breaks a printed copy.
 */
export async function adoptCode(deps: ChangeDeps, target: QrdlTarget, qrdlCode: string, content: QrdlContent): Promise<QrdlRecord> {
  const live = (await deps.directory.list(target, 0)).get(qrdlCode);
  if (!live) throw AdoptionError.notFound(target, qrdlCode);
  if (!sameContent(live, content)) throw AdoptionError.mismatch(qrdlCode, live, content);
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
}

function isLostAnswer(error: unknown): boolean {
  return error instanceof CamsError && error.outcomeUnknown;
}

function mayMeanGone(error: unknown): boolean {
  return error instanceof CamsError && error.httpStatus !== undefined && !error.retryable && !REFUSALS.has(error.code) && !isAuthenticationError(error);
}

/** A failed update of a code that no longer exists becomes an error that says to refresh. */
async function explainMissing(deps: ChangeDeps, target: QrdlTarget, qrdlCode: string, error: unknown): Promise<unknown> {
  if (!mayMeanGone(error)) return error;
  const live = await deps.directory.list(target, 0);
  return live.has(qrdlCode) ? error : new CodeVanishedError(target, qrdlCode);
}
