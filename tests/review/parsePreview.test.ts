import { strict as assert } from "assert";
import { NotPreviewJsonError, parsePreview } from "../../review";
import { fixtureText } from "./support";

describe("reading pulumi preview --json", () => {
  it("reads the steps and diagnostics of a captured preview", () => {
    const preview = parsePreview(fixtureText("denied"));
    assert.ok(preview.steps.length > 0);
    assert.ok(preview.diagnostics.some((d) => d.severity === "error" && d.urn?.endsWith("::store-7")));
  });

  it("refuses empty input, saying pulumi printed no JSON", () => {
    assert.throws(() => parsePreview("  \n"), (e: Error) => e instanceof NotPreviewJsonError && /empty: pulumi preview printed no JSON/.test(e.message));
  });

  it("refuses text that is not JSON, such as the preview's human-readable output", () => {
    assert.throws(() => parsePreview("Previewing update (dev):\n"), (e: Error) => e instanceof NotPreviewJsonError && /not JSON/.test(e.message));
  });

  it("refuses JSON that is not a preview, naming what is missing or wrong", () => {
    assert.throws(() => parsePreview('{"name":"x"}'), /none of steps, diagnostics, changeSummary/);
    assert.throws(() => parsePreview('{"steps":{"op":"create"}}'), /steps: /);
  });
});
