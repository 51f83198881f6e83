import { strict as assert } from "assert";
import { inputs, providerFor, useEmulator } from "./fixtures";
import { scripted } from "./lostAnswers";

describe("a change CAMS commits after its answer was lost is found, not sent twice", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 0 });

  it("a create committed late is adopted within the grace period", async () => {
    const provider = providerFor(emulator(), { graceMs: 2000, wrapClient: scripted({ createQrdl: [{ commitAfterMs: 300 }] }) });
    const { outs } = await provider.create(inputs());
    assert.deepEqual(emulator().codes().map((c) => c.qrdlCode), [outs!.qrdlCode], "one code, the resource's");
  });

  it("an update committed late is adopted within the grace period", async () => {
    const { id, outs } = await providerFor(emulator()).create(inputs());
    const provider = providerFor(emulator(), { graceMs: 2000, wrapClient: scripted({ updateQrdl: [{ commitAfterMs: 300 }] }) });
    const { outs: updated } = await provider.update(id, outs!, inputs({ prefilledMessage: "New text" }));
    assert.deepEqual(emulator().codes().map((c) => c.qrdlCode), [updated!.qrdlCode]);
    assert.equal(updated!.prefilledMessage, "New text");
  });

  it("a create that never committed is sent again once the grace period is over", async () => {
    const provider = providerFor(emulator(), { graceMs: 200, wrapClient: scripted({ createQrdl: ["lostUncommitted"] }) });
    const { outs } = await provider.create(inputs());
    assert.deepEqual(emulator().codes().map((c) => c.qrdlCode), [outs!.qrdlCode]);
  });

  it("cams:reconcileGraceMs sets the grace period, and a bad value is refused by name", async () => {
    const late = providerFor(emulator(), { graceMs: undefined, wrapClient: scripted({ createQrdl: [{ commitAfterMs: 300 }] }) }, { "cams:maxCallsPerSecond": "1000", "cams:reconcileGraceMs": "1500" });
    await late.create(inputs());
    assert.equal(emulator().codes().length, 1);
    const bad = providerFor(emulator(), { graceMs: undefined }, { "cams:reconcileGraceMs": "soon" });
    await assert.rejects(bad.create(inputs()), /cams:reconcileGraceMs/);
  });
});
