import { strict as assert } from "assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { diffQrdl } from "../../provider/lifecycle/diff";
import { ProviderInputs, QrdlOutputs } from "../../provider/lifecycle/types";
import { InvalidationDeniedError } from "../../provider/errors/lifecycleErrors";
import { InvalidationPolicy } from "../../provider/schemas/inputs";

const URN = "urn:pulumi:dev::shop::pulumi-nodejs:dynamic/cams:PhoneMessageQrdl::store-42";

function state(policy: InvalidationPolicy): QrdlOutputs {
  return {
    phoneNumber: "8615800000000",
    prefilledMessage: "Hi, I'm at store 42",
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
        const { result, warning } = diffQrdl(olds, inputsFrom(olds, {}));
        assert.equal(result.changes, false);
        assert.deepEqual(result.replaces, []);
        assert.equal(warning, undefined);
      });

      for (const [field, change] of PLACE_CHANGES) {
        it(`replaces the code when ${field} changes`, () => {
          const olds = state(policy);
          const { result, warning } = diffQrdl(olds, inputsFrom(olds, change));
          assert.equal(result.changes, true);
          assert.deepEqual(result.replaces, [field]);
          assert.equal(warning, undefined);
        });
      }

      for (const [field, change] of CONTENT_CHANGES) {
        const olds = state(policy);
        const news = inputsFrom(olds, change);
        if (policy === "update") {
          it(`updates in place when ${field} changes, warning which resource and code stop working`, () => {
            const { result, warning } = diffQrdl(olds, news);
            assert.equal(result.changes, true);
            assert.deepEqual(result.replaces, []);
            assert.ok(warning, "a warning for the reviewer");
            assert.match(warning, /PhoneMessageQrdl "store-42"/);
            assert.match(warning, /4X5ZJ3W2KQ7UA/);
            assert.match(warning, new RegExp(field));
            assert.match(warning, /stops the printed copies/);
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
          it(`fails the diff when ${field} changes, saying what breaks and how to proceed`, () => {
            assert.throws(
              () => diffQrdl(olds, news),
              (e: unknown) =>
                e instanceof InvalidationDeniedError &&
                /PhoneMessageQrdl "store-42"/.test(e.message) &&
                /4X5ZJ3W2KQ7UA/.test(e.message) &&
                /revert the change/.test(e.message) &&
                /invalidationPolicy: "replace"/.test(e.message),
            );
          });
        }
      }
    });
  }

  it("uses the new policy: switching to replace in the same change replaces", () => {
    const olds = state("deny");
    const { result } = diffQrdl(olds, inputsFrom(olds, { prefilledMessage: "New", invalidationPolicy: "replace" }));
    assert.deepEqual(result.replaces, ["prefilledMessage"]);
  });

  it("treats a policy change alone as an update that invalidates nothing", () => {
    const olds = state("update");
    const { result, warning } = diffQrdl(olds, inputsFrom(olds, { invalidationPolicy: "deny" }));
    assert.equal(result.changes, true);
    assert.deepEqual(result.replaces, []);
    assert.equal(warning, undefined);
  });

  it("ignores the serialized provider and the hidden URN", () => {
    const olds = state("update");
    const news = { ...inputsFrom(olds, {}), __urn: "urn:pulumi:other::x::y::z", __provider: "different code" } as ProviderInputs;
    assert.equal(diffQrdl(olds, news).result.changes, false);
  });

  it("names the resource by phone number and code when the URN is unknown", () => {
    const olds = state("update");
    const { warning } = diffQrdl(olds, { ...inputsFrom(olds, { prefilledMessage: "x" }), __urn: undefined });
    assert.match(warning ?? "", /PhoneMessageQrdl 8615800000000\/4X5ZJ3W2KQ7UA/);
  });

  it("under deny, a message known only at apply warns instead of failing the preview", () => {
    const olds = state("deny");
    const { result, warning } = diffQrdl(olds, inputsFrom(olds, { prefilledMessage: unknownValue }));
    assert.equal(result.changes, true);
    assert.match(warning ?? "", /"deny" will refuse the update at apply if the value differs/);
    assert.match(warning ?? "", /\(a value known only at apply\)/);
  });

  it("under update, a message known only at apply still warns that the code may stop working", () => {
    const olds = state("update");
    const { warning } = diffQrdl(olds, inputsFrom(olds, { prefilledMessage: unknownValue }));
    assert.match(warning ?? "", /stops the printed copies/);
  });
});
