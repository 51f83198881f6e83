import { strict as assert } from "assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { QrdlProvider } from "../../provider/lifecycle/provider";
import { ProviderInputs, QrdlOutputs } from "../../provider/lifecycle/types";
import { InvalidationDeniedError } from "../../provider/errors/lifecycleErrors";
import { InvalidationPolicy } from "../../provider/schemas/inputs";

const URN = "urn:pulumi:dev::shop::pulumi-nodejs:dynamic/cams:PhoneMessageQrdl::store-42";
const PROVIDER = "exports.handler = __provider;";

/** The inputs the state holds after an up: what check returned, plus the serialized provider. */
function stateInputs(policy: InvalidationPolicy, prefilledMessage = "Declared text"): ProviderInputs {
  return { phoneNumber: "8615800000000", prefilledMessage, generateQrImage: "PNG", invalidationPolicy: policy, __urn: URN, __provider: PROVIDER } as ProviderInputs;
}

/** What a refresh read from CAMS after a console edit. */
function refreshed(policy: InvalidationPolicy, prefilledMessage = "Edited in the console"): QrdlOutputs {
  const { __urn: _u, ...inputs } = stateInputs(policy, prefilledMessage) as ProviderInputs & { __provider?: string };
  return { ...inputs, qrdlCode: "4X5ZJ3W2KQ7UA", deepLinkUrl: "https://wa.me/message/4X5ZJ3W2KQ7UA", qrImageUrl: "http://x/qr.png" };
}

function provider(): { provider: QrdlProvider; warnings: string[] } {
  const warnings: string[] = [];
  return { provider: new QrdlProvider({ warn: async (m) => void warnings.push(m) }), warnings };
}

/** The checked inputs as a plain record, to look at keys the typed inputs do not declare. */
function keysOf(result: { inputs?: ProviderInputs }): Record<string, unknown> {
  return (result.inputs ?? {}) as unknown as Record<string, unknown>;
}

describe("check and diff under refresh and under a planned change", () => {
  for (const policy of ["update", "replace", "deny"] as InvalidationPolicy[]) {
    it(`a refresh that finds a console edit under "${policy}" shows the drift, and neither warns nor fails`, async () => {
      const { provider: p, warnings } = provider();
      // The engine's refresh diff: olds = what CAMS holds now, news = the inputs in the state; no check before it.
      const result = await p.diff("id", refreshed(policy), stateInputs(policy), URN);
      assert.equal(result.changes, true, "the drift is shown");
      assert.deepEqual(warnings, []);
    });
  }

  it("up --refresh: the refresh's diff is silent, the planned change checked afterwards warns", async () => {
    const { provider: p, warnings } = provider();
    await p.diff("id", refreshed("update"), stateInputs("update"), URN);
    assert.deepEqual(warnings, []);
    const { inputs } = await p.check(stateInputs("update", "Edited in the console"), { ...stateInputs("update"), __provider: PROVIDER } as ProviderInputs, URN);
    await p.diff("id", refreshed("update"), { ...inputs!, __provider: PROVIDER } as ProviderInputs, URN);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /changing prefilledMessage updates QR code 4X5ZJ3W2KQ7UA .* in place/);
  });

  it("a planned change under deny is refused once checked", async () => {
    const { provider: p } = provider();
    const { inputs } = await p.check(stateInputs("deny", "Edited in the console"), stateInputs("deny"), URN);
    await assert.rejects(p.diff("id", refreshed("deny"), inputs!, URN), InvalidationDeniedError);
  });

  it("a preview marks qrdlCode, deepLinkUrl and qrImageUrl unknown when the change makes CAMS issue them anew", async () => {
    const { provider: p } = provider();
    const preview = { __preview: true } as Partial<ProviderInputs>;
    const changed = await p.check(stateInputs("update"), { ...stateInputs("update", "New text"), ...preview }, URN);
    for (const key of ["qrdlCode", "deepLinkUrl", "qrImageUrl"]) assert.equal(keysOf(changed)[key], unknownValue, key);
    assert.equal(keysOf(changed).__preview, undefined, "the marker never reaches the state");
    const same = await p.check(stateInputs("update"), { ...stateInputs("update"), ...preview }, URN);
    assert.equal(keysOf(same).qrdlCode, undefined, "nothing to reissue");
    const applied = await p.check(stateInputs("update"), stateInputs("update", "New text"), URN);
    assert.equal(keysOf(applied).qrdlCode, undefined, "an up gets CAMS's answer instead");
  });
});
