import { strict as assert } from "assert";
import type { CamsEmulator } from "../../emulator";
import { pulumiCli } from "../../scripts/lib/pulumiCli";
import { startEmulator } from "../provider/fixtures";
import { EngineStack, assertPackageBuilt, skipIfOptedOut } from "./harness";

const PHONE = "8615800000000";

/** Collects what an engine operation printed, as a reviewer would read it. */
function printed(): { onOutput: (s: string) => void; text: () => string } {
  let text = "";
  return { onOutput: (s) => (text += s), text: () => text };
}

describe("PhoneMessageQrdl under the real Pulumi engine", function () {
  this.timeout(300_000);
  let emulator: CamsEmulator;
  let engine: EngineStack;

  before(async function () {
    skipIfOptedOut(this);
    assertPackageBuilt();
    await pulumiCli();
    emulator = await startEmulator();
    engine = await EngineStack.create("lifecycle", emulator);
  });

  after(async () => {
    await engine?.stack.destroy().catch(() => undefined);
    await emulator?.close();
    engine?.dispose();
  });

  it("1. up creates the code; stack outputs match what CAMS holds", async () => {
    engine.declared = [{ name: "store-42", args: { phoneNumber: "+86 158-0000-0000", prefilledMessage: "Hi, I'm at store 42" } }];
    const result = await engine.stack.up();
    assert.equal(result.summary.resourceChanges?.create, 2);
    const out = result.outputs["store-42"].value;
    const [code] = emulator.codes();
    assert.equal(out.qrdlCode, code.qrdlCode);
    assert.equal(out.deepLinkUrl, code.deepLinkUrl);
    assert.equal(out.qrImageUrl, code.qrImageUrl);
    assert.equal(out.id, `${PHONE}/${code.qrdlCode}`);
    assert.equal(code.prefilledMessage, "Hi, I'm at store 42");
  });

  it("2. a preview with nothing to do expects no changes and calls CAMS zero times", async () => {
    emulator.resetCalls();
    await engine.stack.preview({ expectNoChanges: true });
    assert.deepEqual(emulator.calls(), []);
  });

  it("3. a message change previews as an update with the invalidation warning; up calls Update and later operations target the new code", async () => {
    const before = emulator.codes()[0].qrdlCode;
    engine.declared[0].args = { ...engine.declared[0].args, prefilledMessage: "Hi, I'm at store 42 (new hours)" };
    const out = printed();
    const preview = await engine.stack.preview({ onOutput: out.onOutput });
    assert.equal(preview.changeSummary.update, 1);
    assert.match(out.text(), /warning: PhoneMessageQrdl "store-42": changing prefilledMessage/);
    assert.match(out.text(), new RegExp(`QR code ${before}`));

    emulator.resetCalls();
    const up = await engine.stack.up();
    assert.equal(up.summary.resourceChanges?.update, 1);
    assert.deepEqual(emulator.calls().filter((c) => c.action !== "ListPhoneMessageQrdl").map((c) => c.action), ["UpdatePhoneMessageQrdl"]);
    const after = emulator.codes()[0].qrdlCode;
    assert.notEqual(after, before, "the emulator issued a new code");
    assert.equal(up.outputs["store-42"].value.qrdlCode, after);

    const refresh = await engine.stack.refresh();
    assert.equal(refresh.summary.resourceChanges?.update ?? 0, 0, "refresh reads the new code, not the one in the id");
    await engine.stack.preview({ expectNoChanges: true });
  });
});
