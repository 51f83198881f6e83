import { strict as assert } from "assert";
import { inputs, providerFor, useEmulator } from "./fixtures";

describe("changes whose answer is lost", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 0 });

  it("a create whose connection drops after the commit leaves exactly one code, and returns it", async () => {
    const provider = providerFor(emulator());
    await provider.read("8615800000000/none", undefined).catch(() => undefined);
    emulator().configure({ faults: { dropAfterCommitRate: 1 } });
    const pending = provider.create(inputs());
    // The first create is dropped after committing; let the reconciling listing through.
    setTimeout(() => emulator().configure({ faults: { dropAfterCommitRate: 0 } }), 50);
    const { outs } = await pending;
    const codes = emulator().codes();
    assert.equal(codes.length, 1, `expected one code, found ${codes.length}`);
    assert.equal(outs!.qrdlCode, codes[0].qrdlCode);
  });

  it("many concurrent creates under dropped connections and 5xx never duplicate or orphan a code", async function () {
    this.timeout(60_000);
    emulator().configure({ faults: { dropAfterCommitRate: 0.3, errorRate: 0.2 } });
    const provider = providerFor(emulator());
    const wanted = Array.from({ length: 20 }, (_, i) => inputs({ prefilledMessage: i % 2 ? "same text" : `poster ${i}` }));
    const settled = await Promise.allSettled(wanted.map((w) => provider.create(w)));
    emulator().configure({ faults: { dropAfterCommitRate: 0, errorRate: 0 } });
    const created = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value.outs!.qrdlCode] : []));
    assert.equal(new Set(created).size, created.length, "two resources were given the same code");
    const live = emulator().codes().map((c) => c.qrdlCode).sort();
    assert.deepEqual(live, [...created].sort(), "every live code belongs to exactly one resource");
  });

  it("an update whose connection drops after the commit adopts the newly issued code", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    emulator().configure({ faults: { dropAfterCommitRate: 1 } });
    setTimeout(() => emulator().configure({ faults: { dropAfterCommitRate: 0 } }), 50);
    const updated = await provider.update(id, outs!, inputs({ prefilledMessage: "New text" }));
    const codes = emulator().codes();
    assert.equal(codes.length, 1);
    assert.equal(updated.outs!.qrdlCode, codes[0].qrdlCode);
    assert.notEqual(updated.outs!.qrdlCode, outs!.qrdlCode);
    assert.equal(updated.outs!.prefilledMessage, "New text");
  });

  it("a delete whose connection drops after the commit still succeeds", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    emulator().configure({ faults: { dropAfterCommitRate: 1 } });
    setTimeout(() => emulator().configure({ faults: { dropAfterCommitRate: 0 } }), 50);
    await provider.delete(id, outs!);
    assert.equal(emulator().codes().length, 0);
  });
});
