import { strict as assert } from "assert";
import type { CamsEmulator } from "../../emulator";
import type { InvalidationPolicy } from "../../provider";
import { EngineStack, useEngineStack } from "./harness";
import type { CliResult } from "../../scripts/lib/inlineCli";

const PHONE = "8615800000000";
const POLICIES: InvalidationPolicy[] = ["update", "replace", "deny"];
const WRITES = new Set(["CreatePhoneMessageQrdl", "UpdatePhoneMessageQrdl", "DeletePhoneMessageQrdl"]);
/** Any wording of the provider's warnings and refusals about printed copies. */
const INVALIDATION_TEXT = /printed copies|invalidationPolicy "deny"|will be updated|updates QR code/;

/** The program: per policy an edited-* code with `message`, and a deleted-* code when `withDeleted`. */
function declared(message: string, withDeleted: boolean): EngineStack["declared"] {
  return POLICIES.flatMap((policy) => [
    { name: `edited-${policy}`, args: { phoneNumber: PHONE, prefilledMessage: `${message} ${policy}`, invalidationPolicy: policy } },
    ...(withDeleted ? [{ name: `deleted-${policy}`, args: { phoneNumber: PHONE, prefilledMessage: `Doomed ${policy}`, invalidationPolicy: policy } }] : []),
  ]);
}

/**
 * Drift under each policy: for every policy one code edited in the console and one deleted there.
 * Refresh plans nothing, so it runs with the program unchanged. A preview or up after a refresh plans
 * the program against what CAMS holds, and restoring an edited code is a real update (it warns, or
 * deny refuses it): so those two run with the program declaring what the console made of the codes.
 */
describe("drift found by refresh, under each invalidation policy", function () {
  this.timeout(600_000);
  const stack = useEngineStack("drift", declared("Declared", true));
  let emulator: CamsEmulator;
  let engine: EngineStack;

  before(() => {
    emulator = stack.emulator();
    engine = stack.engine();
    makeDrift("first");
  });

  /** Edits each edited-* code and deletes each deleted-* code behind Pulumi's back. */
  function makeDrift(round: string): void {
    for (const policy of POLICIES) {
      const edited = codeOf(`edited-${policy}`);
      emulator.editCode(PHONE, edited, { prefilledMessage: `Console edit ${round} ${policy}` });
      const deleted = engine.resources().find((r) => r.urn.endsWith(`::deleted-${policy}`));
      if (deleted) emulator.deleteCode(PHONE, String(deleted.outputs?.qrdlCode));
    }
    emulator.resetCalls();
  }

  function codeOf(name: string): string {
    return String(engine.resources().find((r) => r.urn.endsWith(`::${name}`))?.outputs?.qrdlCode);
  }

  function assertQuiet(result: CliResult, what: string): void {
    const printed = `${result.stdout}\n${result.stderr}`;
    assert.equal(result.code, 0, `${what} exited ${result.code}:\n${printed}`);
    assert.doesNotMatch(printed, INVALIDATION_TEXT, `${what} printed an invalidation warning or refusal:\n${printed}`);
    const writes = emulator.calls().filter((c) => WRITES.has(c.action));
    assert.deepEqual(writes.map((c) => c.action), [], `${what} wrote to CAMS`);
  }

  it("preview --refresh exits 0, shows the edits and deletions, warns of nothing and writes nothing", async () => {
    engine.declared = declared("Console edit first", true);
    const result = await engine.cli(["preview", "--refresh", "--diff"]);
    assertQuiet(result, "preview --refresh");
    for (const policy of POLICIES) {
      assert.match(result.stdout, new RegExp(`edited-${policy}`), `the edit under ${policy} is shown`);
      assert.match(result.stdout, new RegExp(`deleted-${policy}`), `the deletion under ${policy} is shown`);
    }
  });

  it("refresh exits 0, records the edits and drops the deleted codes, warns of nothing and writes nothing", async () => {
    engine.declared = declared("Declared", true);
    const result = await engine.cli(["refresh", "--yes", "--diff"]);
    assertQuiet(result, "refresh");
    assert.match(result.stdout, /3 updated|~ 3 updated|3 to update/, result.stdout);
    assert.match(result.stdout, /3 deleted|- 3 deleted|3 to delete/, result.stdout);
    for (const policy of POLICIES) {
      const edited = engine.resources().find((r) => r.urn.endsWith(`::edited-${policy}`));
      assert.equal(edited?.outputs?.prefilledMessage, `Console edit first ${policy}`);
      assert.ok(!engine.resources().some((r) => r.urn.endsWith(`::deleted-${policy}`)), `deleted-${policy} left the state`);
    }
  });

  it("up --refresh exits 0, takes the console's edits when the program declares them, and writes nothing", async () => {
    engine.declared = declared("Console edit first", true);
    await engine.stack.up();
    makeDrift("second");
    // The team copies the console's edits into the program and drops the codes deleted there.
    engine.declared = declared("Console edit second", false);
    const result = await engine.cli(["up", "--refresh", "--yes", "--diff"]);
    assertQuiet(result, "up --refresh");
    for (const policy of POLICIES) assert.match(result.stdout, new RegExp(`edited-${policy}`), `the edit under ${policy} is shown`);
    const preview = await engine.cli(["preview", "--expect-no-changes"]);
    assert.equal(preview.code, 0, `the stack matches CAMS afterwards:\n${preview.stdout}${preview.stderr}`);
  });
});
