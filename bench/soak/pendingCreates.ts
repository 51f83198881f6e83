import type { QrdlRecord, QrdlTarget } from "../../provider/client/operations";
import { formatId } from "../../provider/lifecycle/id";
import { PHONE_MESSAGE_QRDL_TYPE } from "../../provider/resource/phoneMessageQrdl";
import type { StateResource } from "../../scripts/lib/localStack";

/** A resource as `pulumi stack export` shows it (fields recovery does not read are kept as they are). */
export interface ExportedResource extends StateResource {
  [field: string]: unknown;
}

/** `pulumi stack export`'s `deployment`, with the fields recovery reads and edits. */
export interface ExportedDeployment {
  resources?: ExportedResource[];
  pending_operations?: Array<{ type: string; resource: ExportedResource }>;
  [field: string]: unknown;
}

/** What to do with each interrupted create: import the code it made, or clear it because it made none. */
export interface PendingCreatePlan {
  imports: Array<{ urn: string; id: string }>;
  clears: string[];
}

function targetOf(inputs: Record<string, unknown>): QrdlTarget {
  const custSpaceId = typeof inputs.custSpaceId === "string" && inputs.custSpaceId ? inputs.custSpaceId : undefined;
  return { phoneNumber: String(inputs.phoneNumber), ...(custSpaceId ? { custSpaceId } : {}) };
}

/** The key `planPendingCreates` expects listings under. */
export function listingKey(target: QrdlTarget): string {
  return `${target.custSpaceId ?? ""}/${target.phoneNumber}`;
}

/** The PhoneMessageQrdl creates the engine was interrupted in. */
export function pendingCreates(deployment: ExportedDeployment): ExportedResource[] {
  return (deployment.pending_operations ?? []).filter((op) => op.type === "creating" && op.resource.type === PHONE_MESSAGE_QRDL_TYPE).map((op) => op.resource);
}

/** The phone numbers (and spaces) whose codes must be listed to plan the recovery. */
export function targetsToList(deployment: ExportedDeployment): QrdlTarget[] {
  const targets = new Map(pendingCreates(deployment).map((r) => targetOf(r.inputs ?? {})).map((t) => [listingKey(t), t]));
  return [...targets.values()];
}

/**
 * Matches each interrupted create to a code CAMS holds that no resource of the stack claims and that
 * carries exactly the create's content; a create with no such code made nothing and is cleared.
 * `listings` holds the codes of every target from `targetsToList`, keyed by `listingKey`.
 */
export function planPendingCreates(deployment: ExportedDeployment, listings: Map<string, QrdlRecord[]>): PendingCreatePlan {
  const claimed = new Set<string>();
  for (const r of deployment.resources ?? []) if (r.type === PHONE_MESSAGE_QRDL_TYPE && typeof r.outputs?.qrdlCode === "string") claimed.add(r.outputs.qrdlCode);
  const pending = pendingCreates(deployment);
  // A create whose answer arrived before the kill already carries its id: that code is taken first.
  for (const r of pending) if (r.id) claimed.add(r.id.split("/").pop()!);
  const plan: PendingCreatePlan = { imports: [], clears: [] };
  for (const r of pending) {
    const inputs = r.inputs ?? {};
    const target = targetOf(inputs);
    const live = listings.get(listingKey(target)) ?? [];
    const answered = r.id?.split("/").pop();
    const made = answered
      ? live.find((c) => c.qrdlCode === answered)
      : live.find((c) => !claimed.has(c.qrdlCode) && c.prefilledMessage === inputs.prefilledMessage && c.generateQrImage === (inputs.generateQrImage ?? "PNG"));
    if (!made) {
      plan.clears.push(r.urn);
      continue;
    }
    claimed.add(made.qrdlCode);
    plan.imports.push({ urn: r.urn, id: formatId({ ...target, qrdlCode: made.qrdlCode }) });
  }
  return plan;
}

/**
 * The deployment with the plan applied, for `pulumi stack import`: each imported create becomes a
 * resource with the code's id (outputs are its inputs until the next refresh reads the code; they carry
 * the `__provider` the refresh needs), and every interrupted PhoneMessageQrdl create leaves the
 * pending operations. The edit `pulumi refresh --import-pending-creates` should make, which Pulumi
 * 3.259 drops instead (nothing turns an "importing" pending operation into a resource).
 */
export function applyPlan(deployment: ExportedDeployment, plan: PendingCreatePlan): ExportedDeployment {
  const ids = new Map(plan.imports.map((i) => [i.urn, i.id]));
  const interrupted = new Set(pendingCreates(deployment).map((r) => r.urn));
  const adopted = pendingCreates(deployment)
    .filter((r) => ids.has(r.urn))
    .map((r) => ({ ...r, id: ids.get(r.urn), outputs: { ...r.inputs } }));
  return {
    ...deployment,
    resources: [...(deployment.resources ?? []), ...adopted],
    pending_operations: (deployment.pending_operations ?? []).filter((op) => !(op.type === "creating" && interrupted.has(op.resource.urn))),
  };
}
