import { strict as assert } from "assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { checkQrdl } from "../../provider/lifecycle/check";
import { failedProperty } from "./failedProperty";

const VALID = { phoneNumber: "8615800000000", prefilledMessage: "Hi, I'm at store 42" };

/** [what is wrong, inputs, the property that must be named, a phrase the reason must contain] */
const BAD_INPUTS: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ["phoneNumber missing", { prefilledMessage: "Hi" }, "phoneNumber", /required/],
  ["phoneNumber a number", { ...VALID, phoneNumber: 8615800000000 }, "phoneNumber", /must be a string, got number/],
  ["phoneNumber empty", { ...VALID, phoneNumber: "" }, "phoneNumber", /empty/],
  ["phoneNumber only spaces", { ...VALID, phoneNumber: "   " }, "phoneNumber", /empty/],
  ["phoneNumber with letters", { ...VALID, phoneNumber: "86158abc0000" }, "phoneNumber", /other than digits/],
  ["phoneNumber with 00 prefix", { ...VALID, phoneNumber: "008615800000000" }, "phoneNumber", /starts with 0/],
  ["phoneNumber national form", { ...VALID, phoneNumber: "015800000000" }, "phoneNumber", /starts with 0/],
  ["phoneNumber too short", { ...VALID, phoneNumber: "+86 158" }, "phoneNumber", /5 digits/],
  ["phoneNumber too long", { ...VALID, phoneNumber: "8615800000000123" }, "phoneNumber", /16 digits/],
  ["phoneNumber with slash", { ...VALID, phoneNumber: "86/158/0000/0000" }, "phoneNumber", /other than digits/],
  ["phoneNumber an object", { ...VALID, phoneNumber: { cc: 86 } }, "phoneNumber", /must be a string, got object/],
  ["prefilledMessage missing", { phoneNumber: "8615800000000" }, "prefilledMessage", /required/],
  ["prefilledMessage empty", { ...VALID, prefilledMessage: "" }, "prefilledMessage", /empty/],
  ["prefilledMessage blank", { ...VALID, prefilledMessage: " \n\t " }, "prefilledMessage", /empty/],
  ["prefilledMessage 141 characters", { ...VALID, prefilledMessage: "x".repeat(141) }, "prefilledMessage", /141 characters.*at most 140.*by 1/],
  ["prefilledMessage 141 emoji", { ...VALID, prefilledMessage: "😀".repeat(141) }, "prefilledMessage", /141 characters/],
  ["prefilledMessage a number", { ...VALID, prefilledMessage: 42 }, "prefilledMessage", /must be a string, got number 42/],
  ["prefilledMessage with NUL", { ...VALID, prefilledMessage: "a\u0000b" }, "prefilledMessage", /control characters/],
  ["prefilledMessage with half an emoji", { ...VALID, prefilledMessage: "Hi \ud83d" }, "prefilledMessage", /broken character/],
  ["invalidationPolicy a BigInt", { ...VALID, invalidationPolicy: BigInt(1) }, "invalidationPolicy", /got bigint/],
  ["generateQrImage JPG", { ...VALID, generateQrImage: "JPG" }, "generateQrImage", /"PNG" or "SVG", got "JPG"/],
  ["generateQrImage empty", { ...VALID, generateQrImage: "" }, "generateQrImage", /"PNG" or "SVG"/],
  ["generateQrImage a boolean", { ...VALID, generateQrImage: true }, "generateQrImage", /"PNG" or "SVG"/],
  ["custSpaceId with spaces", { ...VALID, custSpaceId: "cams abc" }, "custSpaceId", /not a space id/],
  ["custSpaceId empty", { ...VALID, custSpaceId: "" }, "custSpaceId", /not a space id/],
  ["custSpaceId too long", { ...VALID, custSpaceId: "c".repeat(65) }, "custSpaceId", /1 to 64/],
  ["custSpaceId a number", { ...VALID, custSpaceId: 7 }, "custSpaceId", /must be a string/],
  ["invalidationPolicy unknown word", { ...VALID, invalidationPolicy: "ignore" }, "invalidationPolicy", /"update", "replace" or "deny", got "ignore"/],
  ["invalidationPolicy wrong case", { ...VALID, invalidationPolicy: "Deny" }, "invalidationPolicy", /got "Deny"/],
  ["adoptQrdlCode with a slash", { ...VALID, adoptQrdlCode: "8615800000000/ABCD" }, "adoptQrdlCode", /is not a QrdlCode/],
  ["adoptQrdlCode a number", { ...VALID, adoptQrdlCode: 1234 }, "adoptQrdlCode", /must be a string/],
  ["unknown property", { ...VALID, message: "Hi" }, "message", /unknown property "message"/],
  ["misspelt property", { ...VALID, phonenumber: "86158" }, "phonenumber", /unknown property/],
];

describe("check", () => {
  it(`has a table of at least 25 bad inputs (${BAD_INPUTS.length})`, () => {
    assert.ok(BAD_INPUTS.length >= 25);
  });

  for (const [what, inputs, property, reason] of BAD_INPUTS) {
    it(`rejects ${what}, naming ${property}`, () => {
      const result = checkQrdl(inputs);
      const failure = result.failures?.find((f) => failedProperty(f) === property);
      assert.ok(failure, `expected a failure for "${property}", got ${JSON.stringify(result.failures)}`);
      assert.match(failure.reason, reason);
    });
  }

  it("reports every bad field at once", () => {
    const result = checkQrdl({ phoneNumber: "12", prefilledMessage: "", generateQrImage: "GIF", invalidationPolicy: "never" });
    assert.deepEqual(result.failures?.map(failedProperty).sort(), ["generateQrImage", "invalidationPolicy", "phoneNumber", "prefilledMessage"]);
  });

  it("normalises a phone number written with +, spaces and dashes to digits", () => {
    for (const written of ["+86 158-0000-0000", "86 (158) 0000.0000", "+8615800000000", "8615800000000"]) {
      assert.equal(checkQrdl({ ...VALID, phoneNumber: written }).inputs?.phoneNumber, "8615800000000", written);
    }
  });

  it("fills defaults: PNG and policy update", () => {
    const inputs = checkQrdl(VALID).inputs;
    assert.equal(inputs?.generateQrImage, "PNG");
    assert.equal(inputs?.invalidationPolicy, "update");
    assert.ok(!("custSpaceId" in (inputs ?? {})), "no undefined custSpaceId key in state");
  });

  it("accepts a message of exactly 140 characters and an image type in lower case", () => {
    const result = checkQrdl({ ...VALID, prefilledMessage: "é".repeat(140), generateQrImage: "svg" });
    assert.equal(result.failures, undefined);
    assert.equal(result.inputs?.generateQrImage, "SVG");
  });

  it("accepts values unknown during preview and keeps them unknown", () => {
    const result = checkQrdl({ phoneNumber: unknownValue, prefilledMessage: unknownValue, custSpaceId: unknownValue });
    assert.equal(result.failures, undefined);
    assert.equal(result.inputs?.phoneNumber, unknownValue);
    assert.equal(result.inputs?.prefilledMessage, unknownValue);
  });

  it("keeps the hidden URN and drops the serialized provider", () => {
    const result = checkQrdl({ ...VALID, __urn: "urn:pulumi:dev::p::t::n", __provider: "exports.handler=..." });
    assert.equal(result.inputs?.__urn, "urn:pulumi:dev::p::t::n");
    assert.ok(!("__provider" in (result.inputs ?? {})));
  });

  it("keeps adoptQrdlCode when the resource is first created, and drops it once the resource exists", () => {
    assert.equal(checkQrdl({ ...VALID, adoptQrdlCode: "4X5ZJ3W2KQ7UA" }).inputs?.adoptQrdlCode, "4X5ZJ3W2KQ7UA");
    const existing = checkQrdl({ ...VALID, adoptQrdlCode: "4X5ZJ3W2KQ7UA" }, { exists: true });
    assert.ok(!("adoptQrdlCode" in (existing.inputs ?? {})), "a replacement would adopt the old code again");
  });
});
