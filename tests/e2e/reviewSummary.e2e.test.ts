import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { reviewSummary } from "../../review";
import { REPO_ROOT } from "../../scripts/lib/pulumiCli";
import { Declaration, useEngineStack } from "./harness";

const PHONE = "8615800000000";

/** The codes applied before each preview; every case changes one thing relative to these. */
const BASELINE: Declaration[] = [
  { name: "store-12", args: { phoneNumber: PHONE, prefilledMessage: "Hi, I'm at store 12" } },
  { name: "poster-spring", args: { phoneNumber: PHONE, prefilledMessage: "Spring sale", invalidationPolicy: "replace" } },
  { name: "flyer-2024", args: { phoneNumber: PHONE, prefilledMessage: "Flyer 2024" } },
  { name: "store-7", args: { phoneNumber: PHONE, prefilledMessage: "Hi, I'm at store 7", invalidationPolicy: "deny" } },
];

/** The baseline with one declaration's arguments changed. */
function withArgs(name: string, change: Partial<Declaration["args"]>): Declaration[] {
  return BASELINE.map((d) => (d.name === name ? { ...d, args: { ...d.args, ...change } } : d));
}

/** Lines of the Markdown section whose heading contains `title`. */
function section(markdown: string, title: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.startsWith("#### ") && l.includes(title));
  if (start < 0) return "";
  const end = lines.findIndex((l, i) => i > start && l.startsWith("#"));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

describe("cams-review-summary on previews of the real Pulumi engine", function () {
  this.timeout(180_000);
  const { emulator, engine } = useEngineStack("review", BASELINE);

  /** The live code of a baseline declaration's message. */
  const codeOf = (message: string): string => emulator().codes().find((c) => c.prefilledMessage === message)!.qrdlCode;

  /** Runs `pulumi preview --json` with `declared` as the program and summarises its standard output. */
  async function preview(declared: Declaration[]): Promise<{ markdown: string; json: string; exitCode: number }> {
    engine().declared = declared;
    const result = await engine().cli(["preview", "--json"]);
    return { markdown: reviewSummary(result.stdout), json: result.stdout, exitCode: result.code };
  }

  it("no change: says so", async () => {
    const { markdown, exitCode } = await preview(BASELINE);
    assert.equal(exitCode, 0);
    assert.match(markdown, /\n\nNo QR code changes\.\n$/);
  });

  it("a new code: listed with its phone number, message and image format", async () => {
    const { markdown } = await preview([...BASELINE, { name: "store-99", args: { phoneNumber: "+86 158-0000-0000", prefilledMessage: "Hi, I'm at store 99", generateQrImage: "SVG" } }]);
    assert.equal(section(markdown, "New codes (1)").trim().split("\n").pop(), "| <code>store-99</code> | <code>8615800000000</code> | <code>Hi, I'm at store 99</code> | <code>SVG</code> |", markdown);
    assert.ok(!markdown.includes("stop working"), markdown);
  });

  it("an in-place message update: the code that stops working, with old → new message", async () => {
    const code = codeOf("Hi, I'm at store 12");
    const { markdown } = await preview(withArgs("store-12", { prefilledMessage: "Hi, I'm at store 12 (new hours)" }));
    assert.equal(
      section(markdown, "Codes that will stop working (1)").trim().split("\n").pop(),
      `| <code>store-12</code> | [<code>${code}</code>](https://wa.me/message/${code}) | message <code>Hi, I'm at store 12</code> → <code>Hi, I'm at store 12 (new hours)</code> | updated in place |`,
      markdown,
    );
  });

  it("a replacement: the old code stops working and a new code is listed", async () => {
    const code = codeOf("Spring sale");
    const { markdown } = await preview(withArgs("poster-spring", { prefilledMessage: "Spring sale, week 2" }));
    const stopping = section(markdown, "Codes that will stop working (1)");
    assert.ok(stopping.includes(`| <code>poster-spring</code> | [<code>${code}</code>](https://wa.me/message/${code}) | message <code>Spring sale</code> → <code>Spring sale, week 2</code> | replaced by a new code (\`prefilledMessage\` changed) |`), markdown);
    assert.ok(section(markdown, "New codes (1)").includes("| <code>poster-spring</code> (replacement) | <code>8615800000000</code> | <code>Spring sale, week 2</code> |"), markdown);
  });

  it("a deletion: the code that stops working", async () => {
    const code = codeOf("Flyer 2024");
    const { markdown } = await preview(BASELINE.filter((d) => d.name !== "flyer-2024"));
    assert.ok(section(markdown, "Codes that will stop working (1)").includes(`| <code>flyer-2024</code> | [<code>${code}</code>](https://wa.me/message/${code}) | message <code>Flyer 2024</code> | deleted |`), markdown);
  });

  it("a change refused by deny: the preview fails, and the installed bin reports the refusal from its JSON", async () => {
    const code = codeOf("Hi, I'm at store 7");
    const { json, exitCode } = await preview(withArgs("store-7", { prefilledMessage: "Hi, I'm at store 7 (moved)" }));
    assert.notEqual(exitCode, 0, "a deny refusal fails the preview");
    const bin = spawnSync(process.execPath, [path.join(REPO_ROOT, "dist", "review", "cli.js")], { input: json, encoding: "utf8" });
    assert.equal(bin.status, 0, bin.stderr);
    assert.ok(bin.stdout.includes('> **The preview failed: `invalidationPolicy: "deny"` refused 1 change.**'), bin.stdout);
    const refused = section(bin.stdout, 'Refused by `invalidationPolicy: "deny"` (1)');
    assert.ok(refused.includes(`- <code>store-7</code>: invalidationPolicy "deny" forbids changing prefilledMessage: it would make the printed copies of QR code ${code}`), bin.stdout);
    assert.ok(!bin.stdout.includes("No QR code changes"), bin.stdout);
  });
});
