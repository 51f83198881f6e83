import { strict as assert } from "assert";
import { AdoptionError, AmbiguousOutcomeError } from "../../provider/errors/lifecycleErrors";
import { inputs, madeElsewhere, providerFor, useEmulator } from "./fixtures";
import { scripted } from "./lostAnswers";

describe("a code belongs to one resource, across stacks", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 0 });

  it("a create whose answer is lost never takes the code another stack made meanwhile", async () => {
    const stackA = providerFor(emulator(), { wrapClient: scripted({ createQrdl: ["answered", "committedThenLost"] }) });
    await stackA.create(inputs({ prefilledMessage: "A's first code" }));
    const { outs: theirs } = await providerFor(emulator()).create(inputs({ prefilledMessage: "Same text" }));
    const { outs: ours } = await stackA.create(inputs({ prefilledMessage: "Same text" }));
    assert.notEqual(ours!.qrdlCode, theirs!.qrdlCode, "stack A took stack B's code");
    assert.equal(emulator().codes().length, 3, "one code each, no duplicate");
  });

  it("a lost create after which several matching codes appeared adopts none, and names the codes but not the message", async () => {
    const console = { meanwhile: () => madeElsewhere(emulator(), { prefilledMessage: "Secret offer 42" }) };
    const provider = providerFor(emulator(), { wrapClient: scripted({ createQrdl: [console] }) });
    await assert.rejects(provider.create(inputs({ prefilledMessage: "Secret offer 42" })), (e: unknown) => {
      assert.ok(e instanceof AmbiguousOutcomeError, String(e));
      assert.deepEqual([...e.candidates].sort(), emulator().codes().map((c) => c.qrdlCode).sort());
      for (const code of e.candidates) assert.ok(e.message.includes(code), `the message names ${code}`);
      assert.ok(!e.message.includes("Secret offer"), "the message never quotes the prefilledMessage");
      assert.match(e.message, /adoptQrdlCode/);
      return true;
    });
    assert.equal(emulator().codes().length, 2, "nothing was sent again");
  });

  it("a lost first create of a process leaves exactly one new code beside an identical one made elsewhere", async () => {
    const elsewhere = await madeElsewhere(emulator());
    const provider = providerFor(emulator(), { wrapClient: scripted({ createQrdl: ["committedThenLost"] }) });
    const { outs } = await provider.create(inputs());
    const codes = emulator().codes().map((c) => c.qrdlCode);
    assert.equal(codes.length, 2, `expected the console's code and one new code, found ${codes.length}`);
    assert.notEqual(outs!.qrdlCode, elsewhere.qrdlCode, "the console's code was taken");
    assert.ok(codes.includes(outs!.qrdlCode));
  });

  it("two resources never adopt the same code, not even one this process just created", async () => {
    const provider = providerFor(emulator());
    const { outs } = await provider.create(inputs());
    await assert.rejects(provider.create(inputs({ adoptQrdlCode: outs!.qrdlCode })), (e: unknown) => e instanceof AdoptionError && e.code === "Adoption.Claimed");
    const printed = await madeElsewhere(emulator(), { prefilledMessage: "Printed" });
    await provider.create(inputs({ prefilledMessage: "Printed", adoptQrdlCode: printed.qrdlCode }));
    await assert.rejects(provider.create(inputs({ prefilledMessage: "Printed", adoptQrdlCode: printed.qrdlCode })), (e: unknown) => e instanceof AdoptionError && e.code === "Adoption.Claimed");
    await assert.rejects(
      providerFor(emulator()).create(inputs({ prefilledMessage: "Printed", adoptQrdlCode: printed.qrdlCode })),
      (e: unknown) => e instanceof AdoptionError && e.code === "Adoption.Claimed",
      "another stack applying at the same time on this machine may not adopt it either",
    );
  });

  it("a code a resource of the state holds is never adopted by another resource", async () => {
    const { id, outs } = await providerFor(emulator()).create(inputs());
    const nextRun = providerFor(emulator());
    await nextRun.diff(id, outs!, inputs());
    await assert.rejects(nextRun.create(inputs({ adoptQrdlCode: outs!.qrdlCode })), (e: unknown) => e instanceof AdoptionError && e.code === "Adoption.Claimed");
  });

  it("a lost create waits for the calls of its process in flight, and never takes the code one of them made", async () => {
    const provider = providerFor(emulator(), { wrapClient: scripted({ createQrdl: [{ answerAfterMs: 400 }, "lostUncommitted"] }) });
    const slow = provider.create(inputs());
    const lost = provider.create(inputs());
    const [a, b] = await Promise.all([slow, lost]);
    assert.notEqual(a.outs!.qrdlCode, b.outs!.qrdlCode, "two resources own one code");
    assert.deepEqual(emulator().codes().map((c) => c.qrdlCode).sort(), [a.outs!.qrdlCode, b.outs!.qrdlCode].sort());
  });

  it("a lost create in one stack never takes the code another stack's call still in flight made", async () => {
    const stackA = providerFor(emulator(), { wrapClient: scripted({ createQrdl: [{ answerAfterMs: 800 }] }) });
    let a: ReturnType<typeof stackA.create> | undefined;
    // Stack A's call commits after stack B listed the number, and is answered after B's answer was lost.
    const meanwhile = async () => {
      a = stackA.create(inputs());
      while (emulator().codes().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const stackB = providerFor(emulator(), { wrapClient: scripted({ createQrdl: [{ meanwhile, committed: false }] }) });
    const b = await stackB.create(inputs());
    assert.notEqual((await a!).outs!.qrdlCode, b.outs!.qrdlCode, "stack B took stack A's code");
    assert.equal(emulator().codes().length, 2);
  });
});
