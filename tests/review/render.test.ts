import { strict as assert } from "assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { reviewSummary, SUMMARY_MARKER } from "../../review";
import { codeBefore, fixture, fixtureText, rowOf, section } from "./support";

describe("review summary of a captured preview", () => {
  const preview = fixture("changes");
  const summary = reviewSummary(fixtureText("changes"));

  it("starts with the marker a workflow finds its earlier comment by, and names the stack", () => {
    assert.ok(summary.startsWith(`${SUMMARY_MARKER}\n### WhatsApp QR codes in \`cams-e2e-fixtures/test\``), summary);
  });

  it("lists an in-place message update as a code that stops working, with old → new message", () => {
    const row = rowOf(section(summary, "Codes that will stop working (3)"), "store-12");
    assert.ok(row, `no row for store-12 under the stopping codes:\n${summary}`);
    assert.ok(row.includes(`[<code>${codeBefore(preview, "store-12")}</code>](https://wa.me/message/${codeBefore(preview, "store-12")})`), row);
    assert.ok(row.includes("message <code>Hi, I'm at store 12</code> → <code>Hi, I'm at store 12<br>(new hours)</code>"), row);
    assert.ok(row.endsWith("| updated in place |"), row);
  });

  it("lists a replacement both as a code that stops working and as a new code", () => {
    const stopping = rowOf(section(summary, "Codes that will stop working"), "poster-spring");
    assert.ok(stopping?.includes(codeBefore(preview, "poster-spring")), `stopping row: ${stopping}`);
    assert.ok(stopping?.includes("replaced by a new code (`prefilledMessage` changed)"), `stopping row: ${stopping}`);
    const created = section(summary, "New codes (2)");
    assert.ok(created.includes("| <code>poster-spring</code> (replacement) | <code>8615800000000</code> | <code>Spring &#124; 25% off *today*</code> | <code>PNG</code> |"), created);
  });

  it("lists a deletion as a code that stops working, but a retainOnDelete deletion as still working", () => {
    assert.ok(rowOf(section(summary, "Codes that will stop working"), "flyer-2024")?.endsWith("| deleted |"), summary);
    assert.equal(rowOf(section(summary, "Codes that will stop working"), "menu-old"), undefined, "a retained code is not stopping");
    assert.ok(rowOf(section(summary, "Leaving the stack, still working (1)"), "menu-old")?.includes(codeBefore(preview, "menu-old")), summary);
  });

  it("lists a new code with its normalised phone number and image format", () => {
    assert.equal(
      rowOf(section(summary, "New codes"), "store-99"),
      "| <code>store-99</code> | <code>8615800000000</code> | <code>Hi, I'm at store 99</code> | <code>SVG</code> |",
    );
  });

  it("reports a policy-only change as harmless and leaves unchanged codes out", () => {
    assert.ok(section(summary, "Other QR code changes").includes("<code>table-tent</code>: `invalidationPolicy` <code>update</code> → <code>deny</code>"), summary);
    assert.ok(!summary.includes("store-7"), "store-7 did not change");
  });

  it("keeps every table row at its column count although a message holds a pipe", () => {
    const rows = summary.split("\n").filter((l) => l.startsWith("| <code>"));
    assert.equal(rows.length, 6, summary);
    for (const row of rows) {
      const columns = row.split("|").length - 2;
      assert.ok(columns === 3 || columns === 4, `row has ${columns} columns: ${row}`);
    }
  });

  it("shows a message known only after apply as such, and still as a code that stops working", () => {
    const varied = fixture("changes");
    const step = varied.steps.find((s) => s.urn.endsWith("::store-12"))!;
    step.newState.inputs.prefilledMessage = unknownValue;
    const row = rowOf(section(reviewSummary(JSON.stringify(varied)), "Codes that will stop working"), "store-12");
    assert.ok(row?.includes("→ _(known after apply)_"), `row: ${row}`);
  });

  it("lists a code declared with adoptQrdlCode as adopted, not as new", () => {
    const varied = fixture("changes");
    varied.steps.find((s) => s.urn.endsWith("::store-99"))!.newState.inputs.adoptQrdlCode = "4X5ZJ3W2KQ7UA";
    const adopted = reviewSummary(JSON.stringify(varied));
    assert.equal(rowOf(section(adopted, "New codes (1)"), "store-99"), undefined, adopted);
    assert.ok(section(adopted, "Other QR code changes").includes("- <code>store-99</code>: adopts the existing code <code>4X5ZJ3W2KQ7UA</code>; CAMS is not changed"), adopted);
  });

  it("ignores resources of other types", () => {
    const varied = fixture("changes");
    varied.steps = varied.steps.filter((s) => s.op === "same");
    varied.steps.push({ op: "delete", urn: "urn:pulumi:test::p::alicloud:oss/bucket:Bucket::artwork", oldState: { urn: "urn:pulumi:test::p::alicloud:oss/bucket:Bucket::artwork", type: "alicloud:oss/bucket:Bucket", outputs: {} } });
    assert.equal(section(reviewSummary(JSON.stringify(varied)), "stop working"), "");
    assert.ok(reviewSummary(JSON.stringify(varied)).includes("No QR code changes."));
  });

  it("says there are no QR code changes when every step is the same", () => {
    const varied = fixture("changes");
    varied.steps = varied.steps.filter((s) => s.op === "same");
    assert.ok(varied.steps.length > 0);
    assert.equal(reviewSummary(JSON.stringify(varied)), `${SUMMARY_MARKER}\n### WhatsApp QR codes in \`cams-e2e-fixtures/test\`\n\nNo QR code changes.\n`);
  });
});

describe("review summary of a preview that a deny policy failed", () => {
  const preview = fixture("denied");
  const summary = reviewSummary(fixtureText("denied"));

  it("opens with a caution that the preview failed and cannot be applied", () => {
    assert.ok(summary.includes('> **The preview failed: `invalidationPolicy: "deny"` refused 1 change.**'), summary);
  });

  it("names the refused resource, the code that would stop working and the way out", () => {
    const refused = section(summary, 'Refused by `invalidationPolicy: "deny"` (1)');
    const code = preview.diagnostics!.find((d) => d.severity === "error")!.message.match(/QR code (\w+)/)![1];
    assert.ok(refused.startsWith("\n- <code>store-7</code>: invalidationPolicy \"deny\" forbids changing prefilledMessage"), refused);
    assert.ok(refused.includes(`QR code ${code} (https://wa.me/message/${code}) stop working`), refused);
    assert.ok(refused.includes('set invalidationPolicy: "replace"'), refused);
  });

  it("never claims there are no changes", () => {
    assert.ok(!summary.includes("No QR code changes"), summary);
  });

  it("lists other errors apart from deny refusals", () => {
    const varied = fixture("denied");
    varied.diagnostics = [{ severity: "error", message: "error: No Alibaba Cloud credentials found for CAMS." }];
    const other = reviewSummary(JSON.stringify(varied));
    assert.ok(other.includes("> **The preview failed: 1 error.**"), other);
    assert.ok(section(other, "Errors (1)").includes("- No Alibaba Cloud credentials found for CAMS."), other);
    assert.equal(section(other, "Refused"), "");
  });
});
