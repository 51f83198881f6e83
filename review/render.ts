import { codeLink, table, verbatim } from "./markdown";
import type { QrChange, QrReview, Refusal } from "./qrChanges";
import { createdRow, Of, otherLine, refusalLine, relaxedLine, Stopping, stoppingRow } from "./rows";

/** The first line of every summary, so a workflow can find and update its earlier comment. */
export const SUMMARY_MARKER = "<!-- cams-review-summary -->";

/** GitHub refuses a comment over 65,536 characters; this leaves room for the workflow's own lines. */
export const DEFAULT_MAX_CHARS = 60_000;

/** Lists longer than this are folded into `<details>`. */
const FOLD_AT = 10;

/** How the comment is sized. */
export interface RenderOptions {
  /** The longest comment to produce (default 60,000); Infinity for the full report. */
  maxChars?: number;
  /** Where the full report is (a run's job summary, an artifact), named when lists had to be shortened. */
  fullReport?: string;
}

/** One section of the comment, in forms from the most detailed to a bare count. */
interface Section {
  forms: string[][];
}

/**
 * The Markdown comment a reviewer reads: refusals first, then codes that stop working, new codes,
 * the rest. When it would be longer than `maxChars`, the least important sections are shortened
 * first (a table becomes a list of codes, then a count), so the codes that stop working stay named
 * as long as possible; long lists are folded.
 */
export function renderReview(review: QrReview, options: RenderOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const of = <K extends QrChange["kind"]>(kind: K) => review.changes.filter((c): c is Of<K> => c.kind === kind);
  const replaced = of("replaced");
  const deleted = of("deleted");
  const stopping: Stopping[] = [...of("updated"), ...replaced.filter((r) => !r.oldKeepsWorking), ...deleted.filter((d) => !d.keepsWorking)];
  const retained = [...replaced.filter((r) => r.oldKeepsWorking), ...deleted.filter((d) => d.keepsWorking)];
  const created = [...of("created"), ...replaced];
  const relaxed = [...of("updated"), ...replaced].filter((c) => c.relaxedTo !== undefined);
  const other = [...of("policyChanged"), ...of("adopted")];
  const elsewhere = options.fullReport ? `the full list is in ${options.fullReport}` : "run cams-review-summary with --full-report for the full list";

  const head = [SUMMARY_MARKER, `### WhatsApp QR codes${review.stack ? ` in \`${review.stack}\`` : ""}`, "", ...banners(review, relaxed.length)];
  const counts = countsLine(review, stopping.length, created.length, retained.length, other.length);
  const sections: Section[] = [];
  if (review.denied.length) sections.push(refusalSection(`⛔ Refused by \`invalidationPolicy: "deny"\``, review.denied, elsewhere));
  if (review.failures.length) sections.push(refusalSection("❌ Errors", review.failures, elsewhere));
  if (relaxed.length) sections.push(listSection(`⚠️ Policy relaxed in the same change as an edit (${relaxed.length})`, relaxed.map(relaxedLine), [], elsewhere));
  if (stopping.length) {
    const title = `🛑 Codes that will stop working (${stopping.length})`;
    const intro = ["Printed copies of these codes will no longer open the chat once this is applied (an update makes CAMS issue a new code and link)."];
    sections.push({
      forms: [
        [...heading(title), ...intro, "", ...fold(stopping.length, "codes that stop working", table(["Resource", "Code", "Change", "How"], stopping.map(stoppingRow)))],
        [...heading(title), ...intro, "", ...fold(stopping.length, "codes that stop working", [stopping.map((c) => `${verbatim(c.code.name)} ${c.code.qrdlCode}`).join(" · ")])],
        [...heading(title), ...intro, "", ...fold(stopping.length, "codes that stop working", [stopping.map((c) => c.code.qrdlCode).join(" ")])],
        [...heading(title), `${stopping.length} codes stop working; ${elsewhere}.`, ""],
      ],
    });
  }
  if (created.length) {
    const rows = table(["Resource", "Phone number", "Message", "Image"], created.map(createdRow));
    sections.push(listSection(`🆕 New codes (${created.length})`, rows, [created.map((c) => verbatim(c.kind === "created" ? c.name : c.code.name)).join(" · ")], elsewhere, created.length));
  }
  if (retained.length) {
    const intro = ["`retainOnDelete` keeps these codes in CAMS: printed copies go on working, and Pulumi no longer manages them.", ""];
    const rows = table(["Resource", "Code", "Message"], retained.map(({ code }) => [verbatim(code.name), codeLink(code.qrdlCode, code.deepLinkUrl), verbatim(code.prefilledMessage)]));
    const compact = [retained.map(({ code }) => `${verbatim(code.name)} ${verbatim(code.qrdlCode)}`).join(" · ")];
    sections.push(listSection(`📌 Leaving the stack, still working (${retained.length})`, [...intro, ...rows], compact, elsewhere, retained.length));
  }
  if (other.length) sections.push(listSection("Other QR code changes", other.map(otherLine), [], elsewhere, other.length));
  if (!review.changes.length && !review.denied.length && !review.failures.length) sections.push({ forms: [["No QR code changes.", ""]] });
  return fit([...head, ...counts], sections, maxChars);
}

/**
 * Picks each section's form: shortens the least important sections first until the comment fits,
 * then gives back detail, most important first, wherever the room left allows it.
 */
function fit(head: string[], sections: Section[], maxChars: number): string {
  const chosen = sections.map(() => 0);
  const render = () => `${[...head, ...sections.flatMap((s, i) => s.forms[chosen[i]])].join("\n").trimEnd()}\n`;
  for (let text = render(); text.length > maxChars; text = render()) {
    const shorter = sections.map((_, i) => i).reverse().find((i) => chosen[i] < sections[i].forms.length - 1);
    if (shorter === undefined) break;
    chosen[shorter]++;
  }
  for (let i = 0; i < sections.length; i++) {
    while (chosen[i] > 0) {
      chosen[i]--;
      if (render().length <= maxChars) continue;
      chosen[i]++;
      break;
    }
  }
  return render();
}

function banners(review: QrReview, relaxed: number): string[] {
  const lines: string[] = [];
  if (review.denied.length || review.failures.length) {
    const what = review.denied.length ? `\`invalidationPolicy: "deny"\` refused ${count(review.denied.length, "change")}` : count(review.failures.length, "error");
    lines.push("> [!CAUTION]", `> **The preview failed: ${what}.** Nothing can be applied until this is resolved, and the lists below may be incomplete.`, "");
  }
  if (relaxed) lines.push("> [!WARNING]", `> **${count(relaxed, "code")} lose${relaxed === 1 ? "s" : ""} a stricter \`invalidationPolicy\` in the same change that edits ${relaxed === 1 ? "it" : "them"}.** Check that this is intended.`, "");
  return lines;
}

/** One line of counts, for changes too large to read row by row. */
function countsLine(review: QrReview, stopping: number, created: number, retained: number, other: number): string[] {
  const total = stopping + created + retained + other + review.denied.length + review.failures.length;
  if (total <= FOLD_AT) return [];
  const parts = [[stopping, "stop working"], [created, "new"], [retained, "leave the stack still working"], [review.denied.length, "refused"], [review.failures.length, "errors"], [other, "other"]] as const;
  return [`**${parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(" · ")}**`, ""];
}

/** Refusals in full; then the first three in full and the names of all; then a count. */
function refusalSection(title: string, items: Refusal[], elsewhere: string): Section {
  const named = items.filter((r) => r.name).map((r) => verbatim(r.name!));
  const compact = [...items.slice(0, 3).map(refusalLine), ...(named.length ? ["", `All: ${named.join(", ")}`] : [])];
  return listSection(`${title} (${items.length})`, items.map(refusalLine), compact, elsewhere, items.length);
}

/** A section as full rows, then as shorter lines (none: skipped), then as a count. */
function listSection(title: string, rows: string[], compact: string[], elsewhere: string, n = rows.length): Section {
  const forms = [[...heading(title), ...fold(n, "entries", rows)]];
  if (compact.length) forms.push([...heading(title), ...fold(n, "entries", compact)]);
  forms.push([...heading(title), `${count(n, "entry")} not shown here: ${elsewhere}.`, ""]);
  return { forms };
}

function heading(title: string): string[] {
  return [`#### ${title}`, ""];
}

/** Long lists go inside `<details>`, so the comment stays readable. */
function fold(n: number, what: string, body: string[]): string[] {
  return n > FOLD_AT ? ["<details>", `<summary>All ${n} ${what}</summary>`, "", ...body, "", "</details>", ""] : [...body, ""];
}

function count(n: number, noun: string): string {
  return `${n} ${noun === "entry" && n !== 1 ? "entries" : `${noun}${n === 1 ? "" : "s"}`}`;
}
