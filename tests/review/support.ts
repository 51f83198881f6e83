import * as fs from "fs";
import * as path from "path";

/** A preview captured from a real `pulumi preview --json` run of the end-to-end stack. */
export function fixtureText(name: "changes" | "denied"): string {
  return fs.readFileSync(path.join(__dirname, "fixtures", `${name}.preview.json`), "utf8");
}

/** The fixture as an object, to vary it in a test. */
export function fixture(name: "changes" | "denied"): { steps: Array<Record<string, any>>; diagnostics?: Array<Record<string, any>> } {
  return JSON.parse(fixtureText(name));
}

/** The code a resource had before the preview, as the fixture's state holds it. */
export function codeBefore(preview: ReturnType<typeof fixture>, name: string): string {
  const step = preview.steps.find((s) => s.urn.endsWith(`::${name}`));
  const code = step?.oldState?.outputs?.qrdlCode;
  if (typeof code !== "string") throw new Error(`the fixture has no earlier code for ${name}`);
  return code;
}

/** The lines of the Markdown section whose heading contains `title`, up to the next heading. */
export function section(markdown: string, title: string): string {
  const start = markdown.split("\n").findIndex((l) => l.startsWith("#### ") && l.includes(title));
  if (start < 0) return "";
  const rest = markdown.split("\n").slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith("#"));
  return rest.slice(0, end < 0 ? undefined : end).join("\n");
}

/** The table row of a resource within a section. */
export function rowOf(sectionText: string, name: string): string | undefined {
  return sectionText.split("\n").find((l) => l.startsWith(`| <code>${name}</code>`));
}
