import * as fs from "fs";
import * as path from "path";

/** Writes `<base>.json` and `<base>.md` into `outDir` and returns their paths. */
export function writeReport(outDir: string, base: string, report: object, markdown: string): { json: string; markdown: string } {
  fs.mkdirSync(outDir, { recursive: true });
  const json = path.join(outDir, `${base}.json`);
  const md = path.join(outDir, `${base}.md`);
  fs.writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(md, markdown);
  return { json, markdown: md };
}
