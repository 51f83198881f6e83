import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { CamsEmulator } from "../../emulator";
import { reviewSummary } from "../../review";
import type { CliResult } from "../../scripts/lib/inlineCli";
import { Declaration, EngineStack, useEngineStack } from "./harness";

const PHONE = "8615800000000";
/** Secret messages, each with a marker no other output could contain by chance. */
const SECRET = { first: "Voucher K7Q-PRIVATE-ONE", second: "Voucher K7Q-PRIVATE-TWO", third: "Voucher K7Q-PRIVATE-THREE" };
const LEAK = /K7Q-PRIVATE/;

/** One code per policy whose message is a pulumi.secret. */
function program(message: string, denyMessage = SECRET.first): Declaration[] {
  return [
    { name: "secret-update", args: { phoneNumber: PHONE, prefilledMessage: pulumi.secret(message) } },
    { name: "secret-replace", args: { phoneNumber: PHONE, prefilledMessage: pulumi.secret(message), invalidationPolicy: "replace" } },
    { name: "secret-deny", args: { phoneNumber: PHONE, prefilledMessage: pulumi.secret(denyMessage), invalidationPolicy: "deny" } },
  ];
}

describe("a prefilledMessage marked pulumi.secret never appears in any output", function () {
  this.timeout(600_000);
  const stack = useEngineStack("secrets");
  let emulator: CamsEmulator;
  let engine: EngineStack;

  function assertMasked(result: CliResult, what: string, exitCode = 0): void {
    const printed = `${result.stdout}\n${result.stderr}`;
    assert.equal(result.code, exitCode, `${what} exited ${result.code}:\n${printed}`);
    assert.doesNotMatch(printed, LEAK, `${what} printed a secret message:\n${printed}`);
  }

  before(() => {
    emulator = stack.emulator();
    engine = stack.engine();
  });

  it("up creates the codes without printing the message", async () => {
    engine.declared = program(SECRET.first);
    assertMasked(await engine.cli(["up", "--yes", "--diff"]), "up");
    assert.equal(emulator.codes().filter((c) => LEAK.test(c.prefilledMessage)).length, 3);
  });

  it("the preview of a message edit warns by property name; its JSON and the review comment keep the message masked", async () => {
    engine.declared = program(SECRET.second);
    const preview = await engine.cli(["preview", "--diff"]);
    assertMasked(preview, "preview");
    assert.match(preview.stdout + preview.stderr, /changing prefilledMessage updates QR code/);
    const json = await engine.cli(["preview", "--json"]);
    assertMasked(json, "preview --json");
    const comment = reviewSummary(json.stdout);
    assert.doesNotMatch(comment, LEAK, comment);
    assert.match(comment, /secret-update/);
  });

  it("a deny refusal names the property, in the preview, its JSON and the review comment", async () => {
    engine.declared = program(SECRET.first, SECRET.second);
    assertMasked(await engine.cli(["preview"]), "preview refused by deny", 1);
    const json = await engine.cli(["preview", "--json"]);
    assertMasked(json, "preview --json refused by deny", 1);
    const comment = reviewSummary(json.stdout);
    assert.doesNotMatch(comment, LEAK, comment);
    assert.match(comment, /forbids changing prefilledMessage/);
  });

  it("a secret message that fails validation is refused by property name, its value unprinted", async () => {
    const declared = engine.declared;
    engine.declared = [{ name: "secret-too-long", args: { phoneNumber: PHONE, prefilledMessage: pulumi.secret(`${SECRET.first} ${"x".repeat(140)}`) } }];
    const preview = await engine.cli(["preview"]);
    assertMasked(preview, "preview of a bad secret message", 1);
    assert.match(preview.stdout + preview.stderr, /prefilledMessage has \d+ characters/);
    engine.declared = declared;
  });

  it("up of the edit, refresh of a console edit and destroy print no message", async () => {
    engine.declared = program(SECRET.second);
    assertMasked(await engine.cli(["up", "--yes", "--diff"]), "up of the edit");
    const code = emulator.codes().find((c) => c.prefilledMessage === SECRET.second)!;
    emulator.editCode(PHONE, code.qrdlCode, { prefilledMessage: SECRET.third });
    assertMasked(await engine.cli(["refresh", "--yes", "--diff"]), "refresh");
    assertMasked(await engine.cli(["destroy", "--yes"]), "destroy");
    assert.equal(emulator.codes().length, 0);
  });
});
