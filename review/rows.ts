import { codeLink, verbatim } from "./markdown";
import { sameText, type CodeContent, type ExistingCode, type QrChange, type Refusal } from "./qrChanges";
import { plainText } from "./markdown";

/** One kind of change, narrowed. */
export type Of<K extends QrChange["kind"]> = Extract<QrChange, { kind: K }>;

/** A change after which the printed copies of the old code stop working. */
export type Stopping = Of<"updated"> | Of<"replaced"> | Of<"deleted">;

/** A refusal as a list item; the provider's messages start with the resource's name, which the item shows first. */
export function refusalLine(r: Refusal): string {
  if (!r.name) return `- ${plainText(r.message)}`;
  const prefix = `PhoneMessageQrdl "${r.name}": `;
  return `- ${verbatim(r.name)}: ${plainText(r.message.startsWith(prefix) ? r.message.slice(prefix.length) : r.message)}`;
}

/** Resource, code, change, how: the full row of a code that stops working. */
export function stoppingRow(change: Stopping): string[] {
  const { code } = change;
  const cells = [verbatim(code.name), codeLink(code.qrdlCode, code.deepLinkUrl)];
  switch (change.kind) {
    case "updated":
      return [...cells, differences(code, change.to), "updated in place"];
    case "replaced":
      return [...cells, differences(code, change.to), `replaced by a new code (${change.because.map((b) => `\`${b}\``).join(", ") || "replacement"} changed)`];
    case "deleted":
      return [...cells, `message ${verbatim(code.prefilledMessage)}`, "deleted"];
  }
}

/** Resource, phone number, message, image: the full row of a new code. */
export function createdRow(change: Of<"created"> | Of<"replaced">): string[] {
  const name = change.kind === "created" ? verbatim(change.name) : `${verbatim(change.code.name)} (replacement)`;
  const { phoneNumber, custSpaceId, prefilledMessage, generateQrImage } = change.to;
  const phone = custSpaceId === undefined ? verbatim(phoneNumber) : `${verbatim(phoneNumber)} in space ${verbatim(custSpaceId)}`;
  return [name, phone, verbatim(prefilledMessage), verbatim(generateQrImage)];
}

/** A policy-only change or an adoption, as a list item. */
export function otherLine(change: Of<"policyChanged"> | Of<"adopted">): string {
  if (change.kind === "adopted") return `- ${verbatim(change.name)}: adopts the existing code ${verbatim(change.qrdlCode)}; CAMS is not changed and printed copies keep working.`;
  return `- ${verbatim(change.code.name)}: \`invalidationPolicy\` ${verbatim(change.code.invalidationPolicy)} → ${verbatim(change.to)}; the code and its printed copies are unaffected.`;
}

/** A policy relaxed in the same change as an edit that stops the code, as a list item. */
export function relaxedLine(change: Of<"updated"> | Of<"replaced">): string {
  const how = change.kind === "updated" ? "updated in place" : "replaced";
  return `- ${verbatim(change.code.name)}: \`invalidationPolicy\` ${verbatim(change.code.invalidationPolicy)} → ${verbatim(change.relaxedTo ?? "")} in the same change, and ${codeLink(change.code.qrdlCode, change.code.deepLinkUrl)} is ${how}.`;
}

/** A masked value (a pulumi.secret) shows as "[secret]" on both sides: equal text, yet changed. */
const MASKED = "[secret]";

/** "message A → B", "image PNG → SVG", "phone number X → Y": every property that differs. */
function differences(from: ExistingCode, to: CodeContent): string {
  const labels: Array<[keyof CodeContent, string]> = [
    ["prefilledMessage", "message"],
    ["generateQrImage", "image"],
    ["phoneNumber", "phone number"],
    ["custSpaceId", "space"],
  ];
  const changed = labels.filter(([key]) => !sameText(from[key], to[key])).map(([key, label]) => `${label} ${verbatim(from[key] ?? "")} → ${verbatim(to[key] ?? "")}`);
  if (changed.length) return changed.join("<br>");
  return from.prefilledMessage === MASKED ? `message ${verbatim(MASKED)} (a secret; the preview masks both values)` : `message ${verbatim(from.prefilledMessage)}`;
}
