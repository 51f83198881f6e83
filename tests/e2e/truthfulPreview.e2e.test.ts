import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { CamsEmulator } from "../../emulator";
import type { PhoneMessageQrdlArgs } from "../../provider";
import { reviewSummary } from "../../review";
import { Declaration, EngineStack, useEngineStack } from "./harness";

const PHONE = "8615800000000";
const WRITES = new Set(["CreatePhoneMessageQrdl", "UpdatePhoneMessageQrdl", "DeletePhoneMessageQrdl"]);

const BASELINE: Declaration[] = [
  { name: "door", args: { phoneNumber: PHONE, prefilledMessage: "Door sticker", invalidationPolicy: "deny" } },
  { name: "poster", args: { phoneNumber: PHONE, prefilledMessage: "Poster" } },
  { name: "menu", args: { phoneNumber: PHONE, prefilledMessage: "Menu" } },
];

/** The baseline with one declaration's arguments changed. */
function withArgs(name: string, change: Partial<PhoneMessageQrdlArgs>): Declaration[] {
  return BASELINE.map((d) => (d.name === name ? { ...d, args: { ...d.args, ...change } as PhoneMessageQrdlArgs } : d));
}

describe("previews tell what apply will do", function () {
  this.timeout(600_000);
  const stack = useEngineStack("truthful", BASELINE);
  let emulator: CamsEmulator;
  let engine: EngineStack;

  before(() => {
    emulator = stack.emulator();
    engine = stack.engine();
    emulator.resetCalls();
  });

  afterEach(() => {
    assert.deepEqual(emulator.calls().filter((c) => WRITES.has(c.action)).map((c) => c.action), [], "a preview wrote to CAMS");
    engine.declared = BASELINE;
  });


  it("an update shows the code, link and image CAMS will issue as unknown", async () => {
    engine.declared = withArgs("menu", { prefilledMessage: "Menu, autumn" });
    const result = await engine.cli(["preview", "--diff"]);
    assert.equal(result.code, 0, result.stderr);
    for (const output of ["qrdlCode", "deepLinkUrl", "qrImageUrl"]) assert.match(result.stdout, new RegExp(`\\+ ${output} +: \\[unknown\\]`), result.stdout);
  });

  it("an invalidationPolicy known only at apply previews a message change as a replacement and names every outcome", async () => {
    const policy = {
      phoneNumber: PHONE,
      prefilledMessage: "Poster, second print",
      // A getter runs while the program runs, where isDryRun() is known.
      get invalidationPolicy() {
        return pulumi.runtime.isDryRun() ? (pulumi.output(pulumi.unknown) as pulumi.Output<"replace">) : "replace";
      },
    };
    engine.declared = BASELINE.map((d) => (d.name === "poster" ? { name: "poster", args: policy } : d));
    const preview = await engine.stack.preview({ onOutput: () => undefined });
    assert.equal(preview.changeSummary.replace, 1, JSON.stringify(preview.changeSummary));
    assert.match(preview.stdout, /invalidationPolicy is known only at apply, so this preview shows changing prefilledMessage as a replacement/);
  });

  it("a phone number change under deny is refused: the replacement would delete the printed code", async () => {
    engine.declared = withArgs("door", { phoneNumber: "8613900000000" });
    const result = await engine.cli(["preview"]);
    assert.notEqual(result.code, 0);
    assert.match(result.stdout + result.stderr, /PhoneMessageQrdl "door": invalidationPolicy "deny" forbids changing phoneNumber/);
  });

  it("a state written without generateQrImage and invalidationPolicy shows no change", async () => {
    const exported = await engine.stack.exportStack();
    for (const r of exported.deployment.resources ?? []) {
      if (!String(r.urn).endsWith("::poster")) continue;
      for (const props of [r.inputs, r.outputs]) {
        delete props.generateQrImage;
        delete props.invalidationPolicy;
      }
    }
    await engine.stack.importStack(exported);
    const result = await engine.cli(["preview", "--expect-no-changes"]);
    assert.equal(result.code, 0, `${result.stdout}${result.stderr}`);
    assert.doesNotMatch(result.stdout + result.stderr, /printed copies/);
  });

  it("a policy relaxed from deny in the same change as a message edit is flagged by the warning and the review comment", async () => {
    engine.declared = withArgs("door", { prefilledMessage: "Door sticker, new hours", invalidationPolicy: "update" });
    const result = await engine.cli(["preview", "--json"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /also relaxes invalidationPolicy from \\"deny\\" to \\"update\\"/);
    const comment = reviewSummary(result.stdout);
    assert.match(comment, /> \[!WARNING\]/, comment);
    assert.match(comment, /<code>door<\/code>: `invalidationPolicy` <code>deny<\/code> → <code>update<\/code> in the same change/, comment);
  });
});
