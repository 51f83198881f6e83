import type { QrdlRecord, QrdlTarget } from "../client/operations";
import { AmbiguousOutcomeError } from "../errors/lifecycleErrors";
import type { ChangeDeps } from "./changes";
import { findMade } from "./settle";
import type { QrdlInputs } from "../schemas/inputs";
import { userInputs } from "./outputs";
import type { QrdlOutputs } from "./types";

/** An update whose answer was lost, as the state records it: enough for a later run to find its code. */
export interface PendingUpdate {
  /** The code the update was sent for. */
  fromCode: string;
  /** The codes with the update's content that existed just before it was sent: none of them is its result. */
  before: string[];
}

/**
 * The outputs recorded for an update that could not be settled: the new content (so secrets stay
 * secret under the same property names), the old code, and the pending update.
 */
export function pendingOutputs(olds: QrdlOutputs, news: QrdlInputs, before: string[]): QrdlOutputs {
  return { ...userInputs(news), qrdlCode: olds.qrdlCode, deepLinkUrl: olds.deepLinkUrl, qrImageUrl: olds.qrImageUrl, pendingUpdate: { fromCode: olds.qrdlCode, before } };
}

/**
 * The code a resource with a pending update holds now: its old code if CAMS still has it (the update
 * was not applied, or kept the code), else the one new code with the update's content that no other
 * resource holds; undefined when neither exists (deleted outside Pulumi).
 */
export async function settlePending(deps: ChangeDeps, target: QrdlTarget, outs: QrdlOutputs & { pendingUpdate: PendingUpdate }): Promise<QrdlRecord | undefined> {
  const live = (await deps.directory.listAfter(target, deps.directory.ticket())).records;
  const old = live.get(outs.pendingUpdate.fromCode);
  if (old) return old;
  const found = findMade(deps.claims, target, live, new Set(outs.pendingUpdate.before), outs, outs.pendingUpdate.fromCode);
  if (found.kind === "unknown") throw new AmbiguousOutcomeError("UpdatePhoneMessageQrdl", target, found.candidates);
  return found.kind === "done" ? found.record : undefined;
}
