import { strict as assert } from "assert";
import { AdoptionError, CodeVanishedError } from "../../provider/errors/lifecycleErrors";
import { inputs, madeElsewhere, providerFor, useEmulator } from "./fixtures";

describe("lifecycle against the emulator", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 0 });

  it("create calls CreatePhoneMessageQrdl and returns every output", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs({ custSpaceId: "cams-abc123" }));
    const [code] = emulator().codes();
    assert.equal(id, `cams-abc123/8615800000000/${code.qrdlCode}`);
    assert.deepEqual(outs, {
      phoneNumber: "8615800000000",
      prefilledMessage: "Hi, I'm at store 42",
      generateQrImage: "PNG",
      custSpaceId: "cams-abc123",
      invalidationPolicy: "update",
      qrdlCode: code.qrdlCode,
      deepLinkUrl: `https://wa.me/message/${code.qrdlCode}`,
      qrImageUrl: code.qrImageUrl,
    });
    assert.ok(!Object.values(outs!).includes(undefined as never), "no undefined outputs");
  });

  it("read returns live values and matching inputs; a gone code reads as gone", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    const read = await provider.read(id, outs);
    assert.deepEqual(read.props, outs);
    assert.equal(read.inputs?.prefilledMessage, outs!.prefilledMessage);
    emulator().deleteCode("8615800000000", outs!.qrdlCode);
    assert.deepEqual(await providerFor(emulator()).read(id, outs), {}, "a deleted code is reported gone");
  });

  it("read reports out-of-band edits as drift, in props and inputs", async () => {
    const { id, outs } = await providerFor(emulator()).create(inputs());
    emulator().editCode("8615800000000", outs!.qrdlCode, { prefilledMessage: "Edited in the console", generateQrImage: "SVG" });
    const read = await providerFor(emulator()).read(id, outs);
    assert.equal(read.props?.prefilledMessage, "Edited in the console");
    assert.equal(read.props?.generateQrImage, "SVG");
    assert.equal(read.inputs?.prefilledMessage, "Edited in the console");
    assert.equal(read.inputs?.invalidationPolicy, "update", "the policy survives a refresh");
  });

  it("adopts an existing code by id, without state", async () => {
    const { id, outs } = await providerFor(emulator()).create(inputs({ generateQrImage: "SVG" }));
    const adopted = await providerFor(emulator()).read(id);
    assert.equal(adopted.id, id);
    assert.deepEqual(adopted.props, outs);
    assert.deepEqual(adopted.inputs, {
      phoneNumber: "8615800000000",
      prefilledMessage: "Hi, I'm at store 42",
      generateQrImage: "SVG",
      invalidationPolicy: "update",
    });
  });

  it("update follows the newly issued code: later read, update and delete target it", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    const first = await provider.update(id, outs!, inputs({ prefilledMessage: "Second" }));
    assert.notEqual(first.outs!.qrdlCode, outs!.qrdlCode, "reissue mode issues a new code");
    assert.deepEqual(emulator().codes().map((c) => c.qrdlCode), [first.outs!.qrdlCode]);

    const read = await providerFor(emulator()).read(id, first.outs);
    assert.equal(read.props?.qrdlCode, first.outs!.qrdlCode, "read targets the new code, not the one in the id");

    const second = await provider.update(id, first.outs!, inputs({ prefilledMessage: "Third" }));
    assert.equal(emulator().codes()[0].prefilledMessage, "Third");
    await provider.delete(id, second.outs!);
    assert.equal(emulator().codes().length, 0);
  });

  it("after an update reissued the code, a read of the old code finds the new one", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    await provider.read(id, outs);
    const { outs: updated } = await provider.update(id, outs!, inputs({ prefilledMessage: "Second" }));
    assert.notEqual(updated!.qrdlCode, outs!.qrdlCode);
    assert.equal((await provider.read(id, outs)).props?.qrdlCode, updated!.qrdlCode, "the old code was still on record after CAMS reissued it");
    assert.equal((await provider.read(id, updated)).props?.qrdlCode, updated!.qrdlCode);
  });

  it("update keeps the code when the service keeps it", async () => {
    emulator().configure({ updateMode: "keep" });
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    const updated = await provider.update(id, outs!, inputs({ generateQrImage: "SVG" }));
    assert.equal(updated.outs!.qrdlCode, outs!.qrdlCode);
    assert.equal(updated.outs!.generateQrImage, "SVG");
  });

  it("a policy-only update makes no API call", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    emulator().resetCalls();
    const updated = await provider.update(id, outs!, inputs({ invalidationPolicy: "deny" }));
    assert.equal(updated.outs!.invalidationPolicy, "deny");
    assert.equal(emulator().calls().length, 0);
  });

  it("updating a code deleted outside Pulumi says to refresh", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    emulator().deleteCode("8615800000000", outs!.qrdlCode);
    await assert.rejects(provider.update(id, outs!, inputs({ prefilledMessage: "x" })), (e: unknown) => e instanceof CodeVanishedError && /pulumi refresh/.test(e.message));
  });

  it("delete removes the code, and a code already gone counts as deleted", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    await provider.delete(id, outs!);
    assert.equal(emulator().codes().length, 0);
    await provider.delete(id, outs!);
  });

  it("diff of a planned change makes no API call", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    emulator().resetCalls();
    const { inputs: checked } = await provider.check(inputs(), inputs({ prefilledMessage: "x" }));
    await provider.diff(id, outs!, checked!);
    assert.equal(emulator().calls().length, 0);
    assert.equal(provider.warnings.length, 1);
  });

  it("reads of many codes on one number share a single listing", async () => {
    const provider = providerFor(emulator());
    const created = [];
    for (let i = 0; i < 6; i++) created.push(await provider.create(inputs({ prefilledMessage: `poster ${i}` })));
    emulator().resetCalls();
    const fresh = providerFor(emulator());
    const reads = await Promise.all(created.map((c) => fresh.read(c.id, c.outs)));
    assert.ok(reads.every((r) => r.id));
    assert.equal(emulator().calls().filter((c) => c.action === "ListPhoneMessageQrdl").length, 1);
  });

  it("adoptQrdlCode takes over an existing code on create, changing nothing", async () => {
    const outs = await madeElsewhere(emulator(), { prefilledMessage: "Printed last year" });
    emulator().resetCalls();
    const adopted = await providerFor(emulator()).create(inputs({ prefilledMessage: "Printed last year", adoptQrdlCode: outs!.qrdlCode }));
    assert.equal(adopted.id, `8615800000000/${outs!.qrdlCode}`);
    assert.equal(adopted.outs!.qrdlCode, outs!.qrdlCode);
    assert.equal(emulator().codes().length, 1);
    assert.deepEqual(emulator().calls().map((c) => c.action), ["ListPhoneMessageQrdl"]);
  });

  it("adoptQrdlCode refuses a missing code, and a code whose content differs, saying how to fix it without printing the messages", async () => {
    const outs = await madeElsewhere(emulator(), { prefilledMessage: "Printed last year" });
    await assert.rejects(providerFor(emulator()).create(inputs({ adoptQrdlCode: "NOSUCHCODE1" })), (e: unknown) => e instanceof AdoptionError && e.code === "Adoption.NotFound" && /remove adoptQrdlCode/.test(e.message));
    await assert.rejects(providerFor(emulator()).create(inputs({ prefilledMessage: "Something else", adoptQrdlCode: outs!.qrdlCode })), (e: unknown) => e instanceof AdoptionError && e.code === "Adoption.Mismatch" && /live prefilledMessage/.test(e.message) && !/Printed last year|Something else/.test(e.message));
    assert.equal(emulator().codes().length, 1, "nothing was created or changed");
    assert.equal(emulator().codes()[0].prefilledMessage, "Printed last year");
  });

  it("check forgets adoptQrdlCode for a resource in the state, also when the engine re-checks its replacement without old inputs", async () => {
    const provider = providerFor(emulator());
    const urn = "urn:pulumi:test::p::pulumi-nodejs:dynamic/cams:PhoneMessageQrdl::adopted";
    const news = inputs({ adoptQrdlCode: "4X5ZJ3W2KQ7UA" });
    assert.equal((await provider.check({} as never, news, urn)).inputs?.adoptQrdlCode, "4X5ZJ3W2KQ7UA", "first creation adopts");
    assert.equal((await provider.check(inputs() as never, news, urn)).inputs?.adoptQrdlCode, undefined, "an existing resource does not");
    assert.equal((await provider.check({} as never, news, urn)).inputs?.adoptQrdlCode, undefined, "nor does its replacement");
  });
});
