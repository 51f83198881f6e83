import type { Planned } from "./qrChanges";

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;" };

/** Text inside HTML, safe in a table cell too: entities for markup and pipes, `<br>` for line breaks. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>|]/g, (c) => HTML_ENTITIES[c]).replace(/\r?\n/g, "<br>");
}

/** A value shown verbatim (a prefilled message may hold `*bold*` or pipes): a `<code>` element, safe in tables. */
export function verbatim(value: Planned): string {
  if (typeof value === "object") return "_(known after apply)_";
  return value === "" ? "_(none)_" : `<code>${escapeHtml(value)}</code>`;
}

/** Running text from a provider or the engine, with Markdown and HTML characters shown as they are. */
export function plainText(text: string): string {
  return escapeHtml(text.replace(/\s*\n\s*/g, " ")).replace(/[\\`*_[\]~#]/g, (c) => `\\${c}`);
}

/** A code, linked to its deep link when that is a plain https URL. */
export function codeLink(qrdlCode: string, deepLinkUrl: string): string {
  const code = verbatim(qrdlCode);
  return /^https:\/\/[^\s()<>"|]+$/.test(deepLinkUrl) ? `[${code}](${deepLinkUrl})` : code;
}

/** A Markdown table; cells must already be escaped. */
export function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}
