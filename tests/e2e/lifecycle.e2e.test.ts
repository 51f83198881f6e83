import { strict as assert } from "assert";
import { DEMO_CREDENTIAL } from "../../emulator";
import { CamsClient } from "../../provider/client/camsClient";
import { CredentialChain } from "../../provider/client/credentials";
import { resolveSettings } from "../../provider/client/settings";
import { emulatorConfig } from "../provider/fixtures";
import { useEngineStack } from "./harness";

const PHONE = "8615800000000";

/** Collects what an engine operation printed, as a reviewer would read it. */
function printed(): { onOutput: (s: string) => void; text: () => string } {
  let text = "";
  return { onOutput: (s) => (text += s), text: () => text };
}

describe("PhoneMessageQrdl under the real Pulumi engine", function () {
  this.timeout(300_000);
  const { emulator, engine } = useEngineStack("lifecycle");

  it("1. up creates the code; stack outputs match what CAMS holds", async () => {
    engine().declared = [{ name: "store-42", args: { phoneNumber: "+86 158-0000-0000", prefilledMessage: "Hi, I'm at store 42" } }];
    const result = await engine().stack.up();
    assert.equal(result.summary.resourceChanges?.create, 2);
    const out = result.outputs["store-42"].value;
    const [code] = emulator().codes();
    assert.equal(out.qrdlCode, code.qrdlCode);
    assert.equal(out.deepLinkUrl, code.deepLinkUrl);
    assert.equal(out.qrImageUrl, code.qrImageUrl);
    assert.equal(out.id, `${PHONE}/${code.qrdlCode}`);
    assert.equal(code.prefilledMessage, "Hi, I'm at store 42");
  });

  it("2. a preview with nothing to do expects no changes and calls CAMS zero times", async () => {
    emulator().resetCalls();
    await engine().stack.preview({ expectNoChanges: true });
    assert.deepEqual(emulator().calls(), []);
  });

  it("3. a message change previews as an update with the invalidation warning; up calls Update and later operations target the new code", async () => {
    const before = emulator().codes()[0].qrdlCode;
    engine().declared[0].args = { ...engine().declared[0].args, prefilledMessage: "Hi, I'm at store 42 (new hours)" };
    const out = printed();
    const preview = await engine().stack.preview({ onOutput: out.onOutput });
    assert.equal(preview.changeSummary.update, 1);
    assert.match(out.text(), /warning: PhoneMessageQrdl "store-42": changing prefilledMessage/);
    assert.match(out.text(), new RegExp(`QR code ${before}`));

    emulator().resetCalls();
    const up = await engine().stack.up();
    assert.equal(up.summary.resourceChanges?.update, 1);
    assert.deepEqual(emulator().calls().filter((c) => c.action !== "ListPhoneMessageQrdl").map((c) => c.action), ["UpdatePhoneMessageQrdl"]);
    const after = emulator().codes()[0].qrdlCode;
    assert.notEqual(after, before, "the emulator() issued a new code");
    assert.equal(up.outputs["store-42"].value.qrdlCode, after);

    const refresh = await engine().stack.refresh();
    assert.equal(refresh.summary.resourceChanges?.update ?? 0, 0, "refresh reads the new code, not the one in the id");
    await engine().stack.preview({ expectNoChanges: true });
  });

  it("4. invalidationPolicy deny: the preview fails with what would break and how to proceed; nothing changes", async () => {
    engine().declared[0].args = { ...engine().declared[0].args, invalidationPolicy: "deny" };
    await engine().stack.up();
    const codesBefore = emulator().codes();
    emulator().resetCalls();
    engine().declared[0].args = { ...engine().declared[0].args, prefilledMessage: "Sneaky change" };
    await assert.rejects(engine().stack.preview(), (e: Error) => {
      assert.match(e.message, /PhoneMessageQrdl "store-42": invalidationPolicy "deny" forbids changing prefilledMessage/);
      assert.match(e.message, /revert the change/);
      return true;
    });
    assert.deepEqual(emulator().calls(), []);
    assert.deepEqual(emulator().codes(), codesBefore);
    engine().declared[0].args = { ...engine().declared[0].args, prefilledMessage: "Hi, I'm at store 42 (new hours)" };
    await engine().stack.preview({ expectNoChanges: true });
  });

  it("5. invalidationPolicy replace: preview shows a replacement; up makes a new code and deletes the old one, or keeps it with retainOnDelete", async () => {
    const old = emulator().codes()[0].qrdlCode;
    engine().declared[0].args = { ...engine().declared[0].args, invalidationPolicy: "replace" };
    await engine().stack.up();
    engine().declared[0].args = { ...engine().declared[0].args, prefilledMessage: "Replaced message" };
    const preview = await engine().stack.preview();
    assert.equal(preview.changeSummary.replace, 1);
    await engine().stack.up();
    const codes = emulator().codes();
    assert.equal(codes.length, 1);
    assert.notEqual(codes[0].qrdlCode, old);
    assert.equal(codes[0].prefilledMessage, "Replaced message");

    engine().declared.push({ name: "poster-7", args: { phoneNumber: PHONE, prefilledMessage: "Poster 7", invalidationPolicy: "replace" }, opts: { retainOnDelete: true } });
    await engine().stack.up();
    const printedCode = emulator().codes().find((c) => c.prefilledMessage === "Poster 7")!.qrdlCode;
    engine().declared[1].args = { ...engine().declared[1].args, prefilledMessage: "Poster 7, second print" };
    await engine().stack.up();
    const live = emulator().codes().map((c) => c.qrdlCode);
    assert.ok(live.includes(printedCode), "retainOnDelete kept the printed code working");
    assert.equal(live.length, 3);
    assert.ok(!engine().stateText().includes(printedCode), "the retained code is no longer managed");
    emulator().deleteCode(PHONE, printedCode);
  });

  it("6. a phone number change replaces the code", async () => {
    const old = emulator().codes().find((c) => c.prefilledMessage === "Replaced message")!;
    engine().declared[0].args = { ...engine().declared[0].args, phoneNumber: "8613900000000" };
    const preview = await engine().stack.preview();
    assert.equal(preview.changeSummary.replace, 1);
    await engine().stack.up();
    const moved = emulator().codes().find((c) => c.prefilledMessage === "Replaced message")!;
    assert.equal(moved.phoneNumber, "8613900000000");
    assert.ok(!emulator().codes().some((c) => c.qrdlCode === old.qrdlCode), "the old number's code is gone");
  });

  it("7. refresh shows an out-of-band edit as drift, then up restores it; an out-of-band delete is dropped by refresh and recreated by up", async () => {
    engine().declared.push({ name: "drifty", args: { phoneNumber: PHONE, prefilledMessage: "Declared text" } });
    await engine().stack.up();
    const code = emulator().codes().find((c) => c.prefilledMessage === "Declared text")!;
    emulator().editCode(PHONE, code.qrdlCode, { prefilledMessage: "Edited in the console" });
    const refresh = await engine().stack.refresh();
    assert.equal(refresh.summary.resourceChanges?.update, 1, "refresh reports the drift");
    const drifty = engine().resources().find((r) => r.urn.endsWith("::drifty"));
    assert.equal(drifty?.outputs?.prefilledMessage, "Edited in the console", "the state holds the live text");
    const preview = await engine().stack.preview();
    assert.equal(preview.changeSummary.update, 1, "the program's text differs from the refreshed state");
    await engine().stack.up();
    assert.equal(emulator().codes().filter((c) => c.phoneNumber === PHONE && /Declared text/.test(c.prefilledMessage)).length, 1);

    const restored = emulator().codes().find((c) => c.prefilledMessage === "Declared text")!;
    emulator().deleteCode(PHONE, restored.qrdlCode);
    const refreshAfterDelete = await engine().stack.refresh();
    assert.equal(refreshAfterDelete.summary.resourceChanges?.delete, 1, "refresh drops the deleted code");
    const up = await engine().stack.up();
    assert.equal(up.summary.resourceChanges?.create, 1, "up recreates it");
    assert.equal(emulator().codes().filter((c) => c.prefilledMessage === "Declared text").length, 1);
  });

  it("8. an existing code is adopted with the import resource option, and a later replacement makes a new code", async () => {
    const client = new CamsClient(resolveSettings(emulatorConfig(emulator()), {}), new CredentialChain(emulatorConfig(emulator()), {}));
    const existing = await client.createQrdl({ phoneNumber: PHONE, prefilledMessage: "Made in the console", generateQrImage: "SVG" });
    const id = `${PHONE}/${existing.qrdlCode}`;
    engine().declared.push({
      name: "adopted",
      args: { phoneNumber: PHONE, prefilledMessage: "Made in the console", generateQrImage: "SVG", invalidationPolicy: "replace" },
      opts: { import: id },
    });
    emulator().resetCalls();
    await engine().stack.up();
    assert.deepEqual(emulator().calls().map((c) => c.action), ["ListPhoneMessageQrdl"], "adopting creates and changes nothing");
    const adopted = engine().resources().find((r) => r.urn.endsWith("::adopted"));
    assert.equal(adopted?.id, id);
    assert.equal(adopted?.outputs?.qrdlCode, existing.qrdlCode);
    await engine().stack.preview({ expectNoChanges: true });

    engine().declared[engine().declared.length - 1].args.prefilledMessage = "Made in the console, reprinted";
    await engine().stack.up();
    const live = emulator().codes().filter((c) => c.prefilledMessage.startsWith("Made in the console"));
    assert.equal(live.length, 1);
    assert.notEqual(live[0].qrdlCode, existing.qrdlCode, "the replacement made a new code instead of adopting the old one again");
  });

  it("9. bad input fails the preview naming the field, before CAMS is called", async () => {
    emulator().resetCalls();
    engine().declared.push({ name: "too-long", args: { phoneNumber: "0086 158", prefilledMessage: "x".repeat(141) } });
    await assert.rejects(engine().stack.preview(), (e: Error) => {
      assert.match(e.message, /prefilledMessage has 141 characters; WhatsApp allows at most 140/);
      assert.match(e.message, /phoneNumber "0086 158" is not a phone number: it starts with 00/);
      return true;
    });
    assert.deepEqual(emulator().calls(), []);
    engine().declared.pop();
  });

  it("11. the state never holds the secret key, and each resource's __provider is at most 2 KB", async () => {
    const state = engine().stateText();
    assert.ok(!state.includes(DEMO_CREDENTIAL.accessKeySecret), "the secret key is in the state file");
    const qrs = engine().resources().filter((r) => r.type === "pulumi-nodejs:dynamic/cams:PhoneMessageQrdl");
    assert.ok(qrs.length >= 4);
    for (const r of qrs) {
      const provider = String(r.inputs?.__provider ?? r.outputs?.__provider ?? "");
      assert.ok(provider.length > 0 && Buffer.byteLength(provider) <= 2048, `${r.urn}: __provider is ${Buffer.byteLength(provider)} bytes`);
    }
  });

  it("12. destroy removes every code, except the one declared with retainOnDelete", async () => {
    assert.ok(emulator().codes().length >= 4);
    const retained = engine().resources().find((r) => r.urn.endsWith("::poster-7"))?.outputs?.qrdlCode;
    await engine().stack.destroy();
    assert.deepEqual(emulator().codes().map((c) => c.qrdlCode), [retained]);
    assert.equal(engine().resources().length, 0);
  });
});
