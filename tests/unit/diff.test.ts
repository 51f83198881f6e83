import { strict as assert } from "assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { diffQrdl } from "../../provider/lifecycle/diff";
import { ProviderInputs, QrdlOutputs } from "../../provider/lifecycle/types";
import { InvalidationPolicy } from "../../provider/schemas/inputs";

const URN = "urn:pulumi:dev::shop::pulumi-nodejs:dynamic/cams:PhoneMessageQrdl::store-42";
const MESSAGE = "Hi, I'm at store 42";

function state(policy: InvalidationPolicy): QrdlOutputs {
  return {
    phoneNumber: "8615800000000",
    prefilledMessage: MESSAGE,
    generateQrImage: "PNG",
    custSpaceId: "cams-abc123",
    invalidationPolicy: policy,
    qrdlCode: "4X5ZJ3W2KQ7UA",
    deepLinkUrl: "https://wa.me/message/4X5ZJ3W2KQ7UA",
    qrImageUrl: "http://127.0.0.1/qr/4X5ZJ3W2KQ7UA.png",
  };
}

function inputsFrom(olds: QrdlOutputs, change: Partial<ProviderInputs>): ProviderInputs {
  const { phoneNumber, prefilledMessage, generateQrImage, custSpaceId, invalidationPolicy } = olds;
  return { phoneNumber, prefilledMessage, generateQrImage, custSpaceId, invalidationPolicy, __urn: URN, ...change };
}

const CONTENT_CHANGES: Array<[string, Partial<ProviderInputs>]> = [
  ["prefilledMessage", { prefilledMessage: "Hello from store 42" }],
  ["generateQrImage", { generateQrImage: "SVG" }],
];
const PLACE_CHANGES: Array<[string, Partial<ProviderInputs>]> = [
  ["phoneNumber", { phoneNumber: "8613900000000" }],
  ["custSpaceId", { custSpaceId: "cams-other" }],
];
const POLICIES: InvalidationPolicy[] = ["update", "replace", "deny"];

describe("diff", () => {
  for (const policy of POLICIES) {
    describe(`with invalidationPolicy "${policy}"`, () => {
      it("reports no changes when nothing changed, and warns of nothing", () => {
        const olds = state(policy);
        const { result, warning, refusal } = diffQrdl(olds, inputsFrom(olds, {}));
        assert.equal(result.changes, false);
        assert.deepEqual(result.replaces, []);
        assert.equal(warning, undefined);
        assert.equal(refusal, undefined);
      });

      for (const [field, change] of PLACE_CHANGES) {
        const olds = state(policy);
        const news = inputsFrom(olds, change);
        if (policy === "deny") {
          it(`refuses a ${field} change, since the replacement deletes the printed code`, () => {
            const { refusal } = diffQrdl(olds, news);
            assert.match(refusal ?? "", new RegExp(`invalidationPolicy "deny" forbids changing ${field}: it would make the printed copies of QR code 4X5ZJ3W2KQ7UA`));
          });
        } else {
          it(`replaces the code when ${field} changes${policy === "update" ? ", warning that the old code is deleted" : ""}`, () => {
            const { result, warning, refusal } = diffQrdl(olds, news);
            assert.equal(result.changes, true);
            assert.deepEqual(result.replaces, [field]);
            assert.equal(refusal, undefined);
            if (policy === "update") assert.match(warning ?? "", /replaces QR code 4X5ZJ3W2KQ7UA .* with a new code .* and deletes it/);
            else assert.equal(warning, undefined);
          });
        }
      }

      for (const [field, change] of CONTENT_CHANGES) {
        const olds = state(policy);
        const news = inputsFrom(olds, change);
        if (policy === "update") {
          it(`updates in place when ${field} changes, warning which resource and code stop working`, () => {
            const { result, warning } = diffQrdl(olds, news);
            assert.equal(result.changes, true);
            assert.deepEqual(result.replaces, []);
            assert.match(warning ?? "", /PhoneMessageQrdl "store-42"/);
            assert.match(warning ?? "", /4X5ZJ3W2KQ7UA/);
            assert.match(warning ?? "", new RegExp(`changing ${field} updates`));
            assert.match(warning ?? "", /stops the printed copies/);
          });
        } else if (policy === "replace") {
          it(`replaces the code when ${field} changes`, () => {
            const { result, warning } = diffQrdl(olds, news);
            assert.equal(result.changes, true);
            assert.deepEqual(result.replaces, [field]);
            assert.equal(result.deleteBeforeReplace, false, "the new code exists before the old one goes");
            assert.equal(warning, undefined);
          });
        } else {
          it(`refuses a ${field} change, saying what breaks and how to proceed`, () => {
            const { refusal } = diffQrdl(olds, news);
            assert.match(refusal ?? "", /PhoneMessageQrdl "store-42"/);
            assert.match(refusal ?? "", /4X5ZJ3W2KQ7UA/);
            assert.match(refusal ?? "", /revert the change/);
            assert.match(refusal ?? "", /invalidationPolicy: "replace"/);
          });
        }
      }
    });
  }

  it("never names a message's value, only the property: the message may be a secret", () => {
    for (const policy of POLICIES) {
      const olds = { ...state(policy), prefilledMessage: "old-secret-text" };
      const { warning, refusal } = diffQrdl(olds, inputsFrom(olds, { prefilledMessage: "new-secret-text", phoneNumber: "8613900000000" }));
      const text = `${warning ?? ""}${refusal ?? ""}`;
      assert.doesNotMatch(text, /secret-text/, `policy ${policy}: ${text}`);
    }
  });

  it("a state without generateQrImage or invalidationPolicy (older versions) has their defaults: no change", () => {
    const olds = state("update");
    const { generateQrImage: _g, invalidationPolicy: _p, ...older } = olds;
    const { result, warning } = diffQrdl(older as QrdlOutputs, inputsFrom(olds, {}));
    assert.equal(result.changes, false);
    assert.equal(warning, undefined);
  });

  it("uses the new policy: switching to replace in the same change replaces, and says the policy was relaxed", () => {
    const olds = state("deny");
    const { result, warning } = diffQrdl(olds, inputsFrom(olds, { prefilledMessage: "New", invalidationPolicy: "replace" }));
    assert.deepEqual(result.replaces, ["prefilledMessage"]);
    assert.match(warning ?? "", /relaxes invalidationPolicy from "deny" to "replace"/);
  });

  it("a policy relaxed from deny to update in the same change as a message edit warns and says so", () => {
    const olds = state("deny");
    const { result, warning, refusal } = diffQrdl(olds, inputsFrom(olds, { prefilledMessage: "New", invalidationPolicy: "update" }));
    assert.deepEqual(result.replaces, []);
    assert.equal(refusal, undefined);
    assert.match(warning ?? "", /updates QR code 4X5ZJ3W2KQ7UA/);
    assert.match(warning ?? "", /relaxes invalidationPolicy from "deny" to "update"/);
  });

  it("treats a policy change alone as an update that invalidates nothing", () => {
    const olds = state("update");
    const { result, warning } = diffQrdl(olds, inputsFrom(olds, { invalidationPolicy: "deny" }));
    assert.equal(result.changes, true);
    assert.deepEqual(result.replaces, []);
    assert.equal(warning, undefined);
  });

  it("a policy known only at apply previews a content change as a replacement and names every outcome", () => {
    const olds = state("update");
    const { result, warning, refusal } = diffQrdl(olds, inputsFrom(olds, { prefilledMessage: "New", invalidationPolicy: unknownValue as InvalidationPolicy }));
    assert.equal(result.changes, true);
    assert.deepEqual(result.replaces, ["prefilledMessage"]);
    assert.equal(refusal, undefined);
    assert.match(warning ?? "", /invalidationPolicy is known only at apply/);
    assert.match(warning ?? "", /"update".*"replace".*"deny"/);
  });

  it("a policy known only at apply changes nothing when the content is unchanged", () => {
    const olds = state("deny");
    const { result, warning } = diffQrdl(olds, inputsFrom(olds, { invalidationPolicy: unknownValue as InvalidationPolicy }));
    assert.deepEqual(result.replaces, []);
    assert.equal(warning, undefined);
  });

  it("ignores the serialized provider and the hidden URN", () => {
    const olds = state("update");
    const news = { ...inputsFrom(olds, {}), __urn: "urn:pulumi:other::x::y::z", __provider: "different code" } as ProviderInputs;
    assert.equal(diffQrdl(olds, news).result.changes, false);
  });

  it("names the resource by its code when the URN is unknown", () => {
    const olds = state("update");
    const { warning } = diffQrdl(olds, { ...inputsFrom(olds, { prefilledMessage: "x" }), __urn: undefined });
    assert.match(warning ?? "", /PhoneMessageQrdl with code 4X5ZJ3W2KQ7UA/);
  });

  it("under deny, a message or number known only at apply warns instead of failing the preview", () => {
    for (const change of [{ prefilledMessage: unknownValue }, { phoneNumber: unknownValue }]) {
      const olds = state("deny");
      const { result, warning, refusal } = diffQrdl(olds, inputsFrom(olds, change));
      assert.equal(result.changes, true);
      assert.equal(refusal, undefined);
      assert.match(warning ?? "", /"deny" will refuse the change at apply if the value differs/);
      assert.match(warning ?? "", /\(known only at apply\)/);
    }
  });

  it("under update, a message known only at apply still warns that the code may stop working", () => {
    const olds = state("update");
    const { warning } = diffQrdl(olds, inputsFrom(olds, { prefilledMessage: unknownValue }));
    assert.match(warning ?? "", /stops the printed copies/);
  });
});
