import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { QrdlInputs } from "../schemas/inputs";
import type { QrdlOutputs } from "./types";

/** The content properties whose change makes printed copies of a code stop working. */
export const INVALIDATING_PROPERTIES = ["prefilledMessage", "generateQrImage"] as const;

/** One content property that would change, with its old and new value. */
export interface ContentChange {
  property: (typeof INVALIDATING_PROPERTIES)[number];
  from: string;
  to: string;
}

/** The logical resource name at the end of a URN, or a description when the URN is unknown. */
export function resourceName(urn: string | undefined, olds: QrdlOutputs): string {
  const name = urn?.split("::").pop();
  return name ? `PhoneMessageQrdl "${name}"` : `PhoneMessageQrdl ${olds.phoneNumber}/${olds.qrdlCode}`;
}

function describeChanges(changes: ContentChange[]): string {
  const shown = (value: string) => (value === unknownValue ? "(a value known only at apply)" : JSON.stringify(value));
  return changes.map((c) => `${c.property} ${JSON.stringify(c.from)} → ${shown(c.to)}`).join(" and ");
}

/** The warning a reviewer reads in the preview of an in-place update (policy "update"). */
export function invalidationWarning(name: string, olds: QrdlOutputs, changes: ContentChange[]): string {
  return (
    `${name}: changing ${describeChanges(changes)} updates QR code ${olds.qrdlCode} in place; ` +
    `CAMS then stops the printed copies of ${olds.deepLinkUrl || olds.qrdlCode} from working. ` +
    `If that code is already printed, set invalidationPolicy: "replace" (a new code; keep the old one with retainOnDelete) or "deny".`
  );
}

/** The error that stops a preview under policy "deny", saying what would break and how to proceed. */
export function invalidationDeniedMessage(name: string, olds: QrdlOutputs, changes: ContentChange[]): string {
  return (
    `${name}: invalidationPolicy "deny" forbids changing ${describeChanges(changes)}: ` +
    `it would make the printed copies of QR code ${olds.qrdlCode} (${olds.deepLinkUrl}) stop working. To proceed, either ` +
    `revert the change; or set invalidationPolicy: "replace" to get a new code for the new content ` +
    `(add the retainOnDelete resource option to keep the printed one working); ` +
    `or set invalidationPolicy: "update" to accept that the printed copies stop working.`
  );
}

/** The warning of a deny-policy code whose new content is known only at apply. */
export function pendingDenyWarning(name: string, olds: QrdlOutputs, changes: ContentChange[]): string {
  return (
    `${name}: ${describeChanges(changes)} may change QR code ${olds.qrdlCode}; ` +
    `invalidationPolicy "deny" will refuse the update at apply if the value differs, before anything changes.`
  );
}

/** The content properties that differ between the state and the new inputs. */
export function contentChanges(olds: QrdlOutputs, news: QrdlInputs): ContentChange[] {
  return INVALIDATING_PROPERTIES.filter((p) => olds[p] !== news[p]).map((property) => ({
    property,
    from: String(olds[property]),
    to: String(news[property]),
  }));
}
