import { strict as assert } from "assert";
import { CodeVanishedError, PendingUpdateError } from "../../provider/errors/lifecycleErrors";
import type { QrdlOutputs } from "../../provider/lifecycle/types";
import { inputs, madeElsewhere, providerFor, useEmulator } from "./fixtures";
import { scripted } from "./lostAnswers";

const NEW_TEXT = inputs({ prefilledMessage: "New text" });

describe("an update whose answer is lost converges on the next up or refresh", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 0 });

  /** An update CAMS carried out (issuing a new code) whose answer and every listing after it were lost. */
  async function strandedUpdate(): Promise<{ id: string; stranded: PendingUpdateError }> {
    const { id, outs } = await providerFor(emulator()).create(inputs());
    const lists = Array.from({ length: 20 }, () => "unreachable" as const);
    const run = providerFor(emulator(), { wrapClient: scripted({ updateQrdl: ["committedThenLost"], listQrdls: [{ answerAfterMs: 0 }, ...lists] }) });
    const error = await run.update(id, outs!, { ...NEW_TEXT, __provider: "stub" } as never).then(
      () => assert.fail("the update cannot have been settled"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof PendingUpdateError, `expected the pending update to be recorded, got ${String(error)}`);
    return { id, stranded: error };
  }

  it("records the pending update in the state instead of losing it", async () => {
    const { id, stranded } = await strandedUpdate();
    assert.equal(stranded.id, id, "the engine needs the id to record the partial update");
    const props = stranded.properties as unknown as QrdlOutputs & { __provider: string };
    assert.equal(props.__provider, "stub", "the recorded outputs keep the serialized provider read and delete need");
    assert.ok(props.pendingUpdate, "the outputs carry the pending update");
    assert.ok(!JSON.stringify(props.pendingUpdate).includes("New text"), "the pending update never copies the message");
  });

  it("the next up adopts the code CAMS issued: no false 'deleted outside Pulumi', no second code", async () => {
    const { id, stranded } = await strandedUpdate();
    const olds = stranded.properties as unknown as QrdlOutputs;
    const nextUp = providerFor(emulator());
    assert.equal((await nextUp.diff(id, olds, NEW_TEXT)).changes, true, "the pending update makes the next up update the resource");
    const { outs } = await nextUp.update(id, olds, NEW_TEXT);
    const codes = emulator().codes();
    assert.deepEqual(codes.map((c) => c.qrdlCode), [outs!.qrdlCode], "exactly the issued code, owned by the resource");
    assert.equal(outs!.prefilledMessage, "New text");
    assert.equal(outs!.pendingUpdate, undefined, "the pending update is settled");
  });

  it("the next refresh finds the code CAMS issued instead of dropping the resource", async () => {
    const { id, stranded } = await strandedUpdate();
    const read = await providerFor(emulator()).read(id, stranded.properties as unknown as QrdlOutputs);
    const codes = emulator().codes();
    assert.equal(read.props?.qrdlCode, codes[0].qrdlCode);
    assert.equal(read.props?.pendingUpdate, undefined);
    assert.equal(read.inputs?.prefilledMessage, "New text");
  });

  it("after an up killed during an update, the next up adopts the issued code", async () => {
    const { id, outs } = await providerFor(emulator()).create(inputs());
    const lists = Array.from({ length: 20 }, () => "unreachable" as const);
    const killed = providerFor(emulator(), { wrapClient: scripted({ updateQrdl: ["committedThenLost"], listQrdls: [{ answerAfterMs: 0 }, ...lists] }) });
    // The run dies before the engine records anything: the state keeps the old outputs.
    await killed.update(id, outs!, NEW_TEXT).catch(() => undefined);
    const { outs: after } = await providerFor(emulator()).update(id, outs!, NEW_TEXT);
    assert.deepEqual(emulator().codes().map((c) => c.qrdlCode), [after!.qrdlCode], "the issued code is the resource's; none was made or orphaned");
    assert.notEqual(after!.qrdlCode, outs!.qrdlCode);
  });

  it("after an up killed during an update, a refresh finds the issued code instead of dropping the resource", async () => {
    const { id, outs } = await providerFor(emulator()).create(inputs());
    const lists = Array.from({ length: 20 }, () => "unreachable" as const);
    const killed = providerFor(emulator(), { wrapClient: scripted({ updateQrdl: ["committedThenLost"], listQrdls: [{ answerAfterMs: 0 }, ...lists] }) });
    await killed.update(id, outs!, NEW_TEXT).catch(() => undefined);
    const read = await providerFor(emulator()).read(id, outs!);
    assert.deepEqual(emulator().codes().map((c) => c.qrdlCode), [read.props?.qrdlCode], "the refresh holds the issued code");
    assert.equal(read.inputs?.prefilledMessage, "New text");
  });

  it("an update of a code deleted outside Pulumi still says so, when no code could be its result", async () => {
    const { id, outs } = await providerFor(emulator()).create(inputs());
    emulator().deleteCode("8615800000000", outs!.qrdlCode);
    await madeElsewhere(emulator(), { prefilledMessage: "Other text" });
    await assert.rejects(providerFor(emulator()).update(id, outs!, NEW_TEXT), (e: unknown) => e instanceof CodeVanishedError);
  });
});
