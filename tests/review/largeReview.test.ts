import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { reviewSummary } from "../../review";
import { main } from "../../review/cli";
import { fixture, section } from "./support";

/** A preview of a campaign: `n` in-place updates and `n` replacements, each a distinct code. */
function campaign(n: number): { text: string; stopping: string[] } {
  const base = fixture("changes");
  const update = base.steps.find((s) => s.urn.endsWith("::store-12"))!;
  const replace = base.steps.find((s) => s.urn.endsWith("::poster-spring"))!;
  const steps: Array<Record<string, any>> = [];
  const stopping: string[] = [];
  for (let i = 0; i < n; i++) {
    for (const [template, kind] of [[update, "update"], [replace, "replace"]] as const) {
      const step = structuredClone(template);
      const code = `${kind === "update" ? "U" : "R"}${String(i).padStart(13, "0")}`;
      step.urn = template.urn.replace(/::[^:]+$/, `::campaign-store-${kind}-${String(i).padStart(4, "0")}`);
      step.oldState.urn = step.newState.urn = step.urn;
      step.oldState.outputs = { ...step.oldState.outputs, qrdlCode: code, deepLinkUrl: `https://wa.me/message/${code}` };
      steps.push(step);
      stopping.push(code);
    }
  }
  return { text: JSON.stringify({ steps, diagnostics: [] }), stopping };
}

describe("review summary of a large change", () => {
  it("a 2,000-code campaign renders under 60,000 characters, names every stopping code first, counts, and folds", () => {
    const { text, stopping } = campaign(1_000);
    const summary = reviewSummary(text);
    assert.ok(summary.length < 60_000, `the comment has ${summary.length} characters`);
    const missing = stopping.filter((code) => !summary.includes(code));
    assert.deepEqual(missing.slice(0, 5), [], `${missing.length} stopping codes are not named`);
    assert.match(summary, /\*\*2000 stop working · 1000 new\*\*/);
    assert.ok(summary.indexOf("Codes that will stop working (2000)") < summary.indexOf("New codes (1000)"), "stopping codes come first");
    assert.match(section(summary, "Codes that will stop working (2000)"), /<details>\n<summary>All 2000 codes that stop working<\/summary>/);
  });

  it("a change too large to name in a comment counts the codes, and the full report names every one", async () => {
    const { text, stopping } = campaign(3_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-review-"));
    let stdout = "";
    const status = await main(["-", "--full-report", path.join(dir, "full.md"), "--full-report-link", "https://ci.example/run/1"], {
      readFile: (p) => fs.readFileSync(p, "utf8"),
      writeFile: (p, t) => fs.writeFileSync(p, t),
      readStdin: async () => text,
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
    });
    assert.equal(status, 0);
    assert.ok(stdout.length < 60_000, `the comment has ${stdout.length} characters`);
    assert.match(stdout, /6000 stop working/);
    assert.match(stdout, /\[the full report\]\(https:\/\/ci\.example\/run\/1\)/);
    const full = fs.readFileSync(path.join(dir, "full.md"), "utf8");
    assert.deepEqual(stopping.filter((code) => !full.includes(code)), [], "the full report names every stopping code");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("flags a policy relaxed from deny in the same change as a message edit", () => {
    const preview = fixture("changes");
    const step = preview.steps.find((s) => s.urn.endsWith("::store-12"))!;
    step.oldState.outputs.invalidationPolicy = "deny";
    step.newState.inputs.invalidationPolicy = "update";
    const summary = reviewSummary(JSON.stringify(preview));
    assert.match(summary, /> \[!WARNING\]\n> \*\*1 code loses a stricter `invalidationPolicy` in the same change that edits it\.\*\*/);
    assert.match(section(summary, "Policy relaxed in the same change as an edit (1)"), /<code>store-12<\/code>: `invalidationPolicy` <code>deny<\/code> → <code>update<\/code> in the same change/);
  });
});
