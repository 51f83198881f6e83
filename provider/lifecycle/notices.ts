import type { InvalidationPolicy } from "../schemas/inputs";
import type { PropertyChange } from "./invalidation";
import type { QrdlOutputs } from "./types";

// Every text here names properties, never their values: a prefilledMessage may be a pulumi.secret,
// which reaches the provider unwrapped, and these texts end up in CI logs and review comments.

/** The logical resource name at the end of a URN, or the code when the URN is unknown. */
export function resourceName(urn: string | undefined, olds: QrdlOutputs): string {
  const name = urn?.split("::").pop();
  return name ? `PhoneMessageQrdl "${name}"` : `PhoneMessageQrdl with code ${olds.qrdlCode}`;
}

function names(changes: PropertyChange[]): string {
  return changes.map((c) => (c.known ? c.property : `${c.property} (known only at apply)`)).join(" and ");
}

function code(olds: QrdlOutputs): string {
  return olds.deepLinkUrl ? `QR code ${olds.qrdlCode} (${olds.deepLinkUrl})` : `QR code ${olds.qrdlCode}`;
}

const HOW_TO_KEEP =
  `If that code is already printed, set invalidationPolicy: "replace" (a new code; keep the old one with the retainOnDelete resource option) or "deny".`;

/** Policy "update", content change: the code is updated in place. */
export function updateWarning(name: string, olds: QrdlOutputs, changes: PropertyChange[]): string {
  return `${name}: changing ${names(changes)} updates ${code(olds)} in place; CAMS then stops the printed copies of that code from working. ${HOW_TO_KEEP}`;
}

/** Policy "update", number or space change: a new code is made and the old one deleted. */
export function moveWarning(name: string, olds: QrdlOutputs, changes: PropertyChange[]): string {
  return (
    `${name}: changing ${names(changes)} replaces ${code(olds)} with a new code (a code cannot move to another number or space) ` +
    `and deletes it, which stops the printed copies of that code from working unless the resource has retainOnDelete. ${HOW_TO_KEEP}`
  );
}

/** Policy "replace": a new code is made and the old one deleted, as the user chose. */
export function replaceNotice(name: string, olds: QrdlOutputs, changes: PropertyChange[]): string {
  return `${name}: changing ${names(changes)} replaces ${code(olds)} with a new code and deletes it unless the resource has retainOnDelete.`;
}

/** The error of a change that policy "deny" refuses, saying what would break and how to proceed. */
export function deniedMessage(name: string, olds: QrdlOutputs, changes: PropertyChange[]): string {
  return (
    `${name}: invalidationPolicy "deny" forbids changing ${names(changes)}: it would make the printed copies of ${code(olds)} stop working. ` +
    `To proceed, either revert the change; or set invalidationPolicy: "replace" to get a new code for the new content ` +
    `(add the retainOnDelete resource option to keep the printed one working); ` +
    `or set invalidationPolicy: "update" to accept that the printed copies stop working.`
  );
}

/** Policy "deny", new values known only at apply: the refusal, if any, comes then. */
export function pendingDenyWarning(name: string, olds: QrdlOutputs, changes: PropertyChange[]): string {
  return (
    `${name}: ${names(changes)} may change ${code(olds)}; invalidationPolicy "deny" will refuse the change at apply ` +
    `if the value differs, before this code changes (resources applied earlier in the same run are not rolled back).`
  );
}

/** The policy itself is known only at apply: say every outcome, since the preview shows the replacement. */
export function unknownPolicyWarning(name: string, olds: QrdlOutputs, changes: PropertyChange[]): string {
  return (
    `${name}: invalidationPolicy is known only at apply, so this preview shows changing ${names(changes)} as a replacement. ` +
    `At apply it is an in-place update ("update"), a new code ("replace") or refused ("deny"); the first two make the printed copies of ` +
    `${code(olds)} stop working (keep them with "replace" and retainOnDelete). Set invalidationPolicy to a plain value to get an exact preview.`
  );
}

/** Appended when the same change relaxes the policy that guarded the code. */
export function relaxedNote(from: InvalidationPolicy, to: InvalidationPolicy): string {
  return ` Note: this change also relaxes invalidationPolicy from "${from}" to "${to}".`;
}
