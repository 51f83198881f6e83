import { codeLink, plainText, table, verbatim } from "./markdown";
import { sameText, type CodeContent, type ExistingCode, type QrChange, type QrReview, type Refusal } from "./qrChanges";

/** The first line of every summary, so a workflow can find and update its earlier comment. */
export const SUMMARY_MARKER = "<!-- cams-review-summary -->";

type Of<K extends QrChange["kind"]> = Extract<QrChange, { kind: K }>;

/** The Markdown comment a reviewer reads: refusals first, then codes that stop working, new codes, the rest. */
export function renderReview(review: QrReview): string {
  const of = <K extends QrChange["kind"]>(kind: K) => review.changes.filter((c): c is Of<K> => c.kind === kind);
  const replaced = of("replaced");
  const deleted = of("deleted");
  const stopping = [...of("updated"), ...replaced.filter((r) => !r.oldKeepsWorking), ...deleted.filter((d) => !d.keepsWorking)];
  const retained = [...replaced.filter((r) => r.oldKeepsWorking), ...deleted.filter((d) => d.keepsWorking)];
  const created = [...of("created"), ...replaced];
  const other = [...of("policyChanged"), ...of("adopted")];

  const lines = [SUMMARY_MARKER, `### WhatsApp QR codes${review.stack ? ` in \`${review.stack}\`` : ""}`, ""];
  lines.push(...failureBanner(review));
  if (review.denied.length) lines.push(...section(`⛔ Refused by \`invalidationPolicy: "deny"\` (${review.denied.length})`, refusals(review.denied)));
  if (review.failures.length) lines.push(...section(`❌ Errors (${review.failures.length})`, refusals(review.failures)));
  if (stopping.length) {
    lines.push(
      ...section(`🛑 Codes that will stop working (${stopping.length})`, [
        "Printed copies of these codes will no longer open the chat once this is applied.",
        "",
        ...table(["Resource", "Code", "Change", "How"], stopping.map(stoppingRow)),
      ]),
    );
  }
  if (created.length) {
    lines.push(...section(`🆕 New codes (${created.length})`, table(["Resource", "Phone number", "Message", "Image"], created.map(createdRow))));
  }
  if (retained.length) {
    lines.push(
      ...section(`📌 Leaving the stack, still working (${retained.length})`, [
        "`retainOnDelete` keeps these codes in CAMS: printed copies go on working, and Pulumi no longer manages them.",
        "",
        ...table(["Resource", "Code", "Message"], retained.map(({ code }) => [verbatim(code.name), codeLink(code.qrdlCode, code.deepLinkUrl), verbatim(code.prefilledMessage)])),
      ]),
    );
  }
  if (other.length) lines.push(...section("Other QR code changes", other.map(otherLine)));
  if (!review.changes.length && !review.denied.length && !review.failures.length) lines.push("No QR code changes.", "");
  return `${lines.join("\n").trimEnd()}\n`;
}

function failureBanner(review: QrReview): string[] {
  if (!review.denied.length && !review.failures.length) return [];
  const what = review.denied.length
    ? `\`invalidationPolicy: "deny"\` refused ${count(review.denied.length, "change")}`
    : `${count(review.failures.length, "error")}`;
  return ["> [!CAUTION]", `> **The preview failed: ${what}.** Nothing can be applied until this is resolved, and the lists below may be incomplete.`, ""];
}

function section(title: string, body: string[]): string[] {
  return [`#### ${title}`, "", ...body, ""];
}

function refusals(items: Refusal[]): string[] {
  return items.map((r) => {
    if (!r.name) return `- ${plainText(r.message)}`;
    // The provider's messages start with the resource's name, which the list already shows.
    const prefix = `PhoneMessageQrdl "${r.name}": `;
    return `- ${verbatim(r.name)}: ${plainText(r.message.startsWith(prefix) ? r.message.slice(prefix.length) : r.message)}`;
  });
}

function stoppingRow(change: Of<"updated"> | Of<"replaced"> | Of<"deleted">): string[] {
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

function createdRow(change: Of<"created"> | Of<"replaced">): string[] {
  const name = change.kind === "created" ? verbatim(change.name) : `${verbatim(change.code.name)} (replacement)`;
  const { phoneNumber, custSpaceId, prefilledMessage, generateQrImage } = change.to;
  const phone = custSpaceId === undefined ? verbatim(phoneNumber) : `${verbatim(phoneNumber)} in space ${verbatim(custSpaceId)}`;
  return [name, phone, verbatim(prefilledMessage), verbatim(generateQrImage)];
}

function otherLine(change: Of<"policyChanged"> | Of<"adopted">): string {
  if (change.kind === "adopted") return `- ${verbatim(change.name)}: adopts the existing code ${verbatim(change.qrdlCode)}; CAMS is not changed and printed copies keep working.`;
  return `- ${verbatim(change.code.name)}: \`invalidationPolicy\` ${verbatim(change.code.invalidationPolicy)} → ${verbatim(change.to)}; the code and its printed copies are unaffected.`;
}

/** "message A → B", "image PNG → SVG", "phone number X → Y": every property that differs. */
function differences(from: ExistingCode, to: CodeContent): string {
  const labels: Array<[keyof CodeContent, string]> = [
    ["prefilledMessage", "message"],
    ["generateQrImage", "image"],
    ["phoneNumber", "phone number"],
    ["custSpaceId", "space"],
  ];
  const changed = labels.filter(([key]) => !sameText(from[key], to[key])).map(([key, label]) => `${label} ${verbatim(from[key] ?? "")} → ${verbatim(to[key] ?? "")}`);
  return changed.join("<br>") || `message ${verbatim(from.prefilledMessage)}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
