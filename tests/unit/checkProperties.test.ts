import { strict as assert } from "assert";
import fc from "fast-check";
import { checkQrdl } from "../../provider/lifecycle/check";
import { INPUT_PROPERTIES } from "../../provider/schemas/inputs";
import { failedProperty } from "./failedProperty";

const VALID = { phoneNumber: "8615800000000", prefilledMessage: "Hi, I'm at store 42" };
const KNOWN = new Set<string>(INPUT_PROPERTIES);
const HIDDEN = new Set(["__provider", "__urn"]);

/** Any value the engine can hand the provider host: protobuf Structs carry JSON values only. */
const garbage = fc.jsonValue({ maxDepth: 3 });
const nonString = garbage.filter((v) => typeof v !== "string");

/** Values each input rejects, written without the package's own rules so a wrong rule cannot hide. */
const INVALID: Record<"phoneNumber" | "prefilledMessage" | "generateQrImage" | "custSpaceId" | "invalidationPolicy", fc.Arbitrary<unknown>> = {
  phoneNumber: fc.oneof(
    nonString,
    fc.constant(""),
    fc.stringMatching(/^[1-9][0-9]{0,6}$/),
    fc.stringMatching(/^[1-9][0-9]{15,24}$/),
    fc.stringMatching(/^0[0-9]{7,14}$/),
    fc.stringMatching(/^[1-9][0-9]{4,8}[a-zA-Z#*/,;][0-9]{3}$/),
  ),
  prefilledMessage: fc.oneof(
    nonString,
    fc.stringMatching(/^[ \t\n]{0,20}$/),
    fc.string({ minLength: 141, maxLength: 400 }),
    fc.tuple(fc.string({ maxLength: 60 }), fc.constantFrom("\u0000", "\u0007", "\u001b", "\u007f")).map(([text, control]) => `x${text}${control}`),
  ),
  generateQrImage: fc.oneof(nonString, fc.string().filter((s) => !/^(png|svg)$/i.test(s))),
  custSpaceId: fc.oneof(nonString, fc.string().filter((s) => !/^[A-Za-z0-9_-]{1,64}$/.test(s))),
  invalidationPolicy: garbage.filter((v) => !["update", "replace", "deny"].includes(v as string)),
};

/** Property names nobody declares: never a known input, never a hidden key. */
const unknownKey = fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !KNOWN.has(k) && !HIDDEN.has(k));

/** What every failure must be: a property the user can find, named in a reason they can read. */
function assertNamesAField(input: Record<string, unknown>, failures: Array<{ property: string; reason: string }>): void {
  assert.ok(failures.length > 0, "a rejection with no failure says nothing");
  for (const f of failures) {
    const property = failedProperty(f);
    assert.ok(KNOWN.has(property) || Object.prototype.hasOwnProperty.call(input, property), `"${property}" is neither an input nor a key of ${JSON.stringify(input)}`);
    assert.ok(f.reason.includes(property), `the reason for "${property}" does not mention it: ${f.reason}`);
  }
}

describe("check: properties over generated garbage", () => {
  it("never throws on any JSON object, and either names a field or returns valid inputs (300 cases)", () => {
    const object = fc.oneof(
      fc.dictionary(fc.string({ maxLength: 20 }), garbage, { maxKeys: 8 }),
      fc.record(Object.fromEntries([...KNOWN].map((k) => [k, garbage])), { requiredKeys: [] }),
      fc.record({ phoneNumber: fc.string(), prefilledMessage: fc.string() }),
    );
    fc.assert(
      fc.property(object, (input) => {
        const result = checkQrdl(input);
        if (result.failures) return assertNamesAField(input, result.failures);
        const inputs = result.inputs as unknown as Record<string, unknown>;
        assert.match(String(inputs.phoneNumber), /^[1-9][0-9]{7,14}$/, "an accepted phone number is 8 to 15 digits");
        const message = String(inputs.prefilledMessage);
        assert.ok(message.trim() !== "" && [...message].length <= 140, `an accepted message is 1 to 140 characters: ${JSON.stringify(message)}`);
        assert.ok(["PNG", "SVG"].includes(String(inputs.generateQrImage)));
        assert.ok(["update", "replace", "deny"].includes(String(inputs.invalidationPolicy)));
      }),
      { numRuns: 300 },
    );
  });

  it("names exactly the corrupted inputs and the unknown keys, all at once (300 cases)", () => {
    const corruption = fc.record({
      bad: fc.subarray(Object.keys(INVALID) as Array<keyof typeof INVALID>, { minLength: 0 }).chain((keys) =>
        fc.record(Object.fromEntries(keys.map((k) => [k, INVALID[k]])) as Record<string, fc.Arbitrary<unknown>>),
      ),
      extra: fc.uniqueArray(unknownKey, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(corruption, ({ bad, extra }) => {
        fc.pre(Object.keys(bad).length + extra.length > 0);
        const input: Record<string, unknown> = { ...VALID, ...bad };
        for (const key of extra) Object.defineProperty(input, key, { value: "x", enumerable: true });
        const failures = checkQrdl(input).failures ?? [];
        assertNamesAField(input, failures);
        assert.deepEqual([...new Set(failures.map(failedProperty))].sort(), [...Object.keys(bad), ...extra].sort());
      }),
      { numRuns: 300 },
    );
  });
});

/** [garbage, input, the properties that must be named (all of them, nothing else)] */
const GARBAGE: Array<[string, Record<string, unknown>, string[]]> = [
  ["an empty object", {}, ["phoneNumber", "prefilledMessage"]],
  ["only the hidden keys", { __provider: 1, __urn: ["x"] }, ["phoneNumber", "prefilledMessage"]],
  ["an own __proto__ key", JSON.parse(`{"__proto__": {"phoneNumber": 1}, "phoneNumber": "8615800000000", "prefilledMessage": "Hi"}`), ["__proto__"]],
  ["keys named like Object.prototype members", { ...VALID, constructor: "x", toString: 1, hasOwnProperty: null }, ["constructor", "hasOwnProperty", "toString"]],
  ["a phone number in a list", { ...VALID, phoneNumber: ["8615800000000"] }, ["phoneNumber"]],
  ["a phone number in full-width digits", { ...VALID, phoneNumber: "８６１５８００００００００" }, ["phoneNumber"]],
  ["a phone number in Arabic-Indic digits", { ...VALID, phoneNumber: "٨٦١٥٨٠٠٠٠٠٠٠٠" }, ["phoneNumber"]],
  ["a phone number that is null", { ...VALID, phoneNumber: null }, ["phoneNumber"]],
  ["a message of a million characters", { ...VALID, prefilledMessage: "x".repeat(1_000_000) }, ["prefilledMessage"]],
  ["a message that is an object", { ...VALID, prefilledMessage: { text: "Hi" } }, ["prefilledMessage"]],
  ["a message that is a nested list", { ...VALID, prefilledMessage: [[["Hi"]]] }, ["prefilledMessage"]],
  ["a message with DEL", { ...VALID, prefilledMessage: "Hi\u007f" }, ["prefilledMessage"]],
  ["an image type with a trailing space", { ...VALID, generateQrImage: "PNG " }, ["generateQrImage"]],
  ["an image type in full-width letters", { ...VALID, generateQrImage: "ｐｎｇ" }, ["generateQrImage"]],
  ["a space id that is null", { ...VALID, custSpaceId: null }, ["custSpaceId"]],
  ["a space id with a slash", { ...VALID, custSpaceId: "space/1" }, ["custSpaceId"]],
  ["a policy that is null", { ...VALID, invalidationPolicy: null }, ["invalidationPolicy"]],
  ["a policy that is a number", { ...VALID, invalidationPolicy: 1 }, ["invalidationPolicy"]],
  [
    "every input wrong and two unknown keys",
    { phoneNumber: {}, prefilledMessage: 7, generateQrImage: "GIF", custSpaceId: "", invalidationPolicy: "never", colour: "red", "": 0 },
    ["", "colour", "custSpaceId", "generateQrImage", "invalidationPolicy", "phoneNumber", "prefilledMessage"],
  ],
];

describe("check: a fixed table of garbage", () => {
  for (const [what, input, expected] of GARBAGE) {
    it(`rejects ${what}, naming ${expected.map((p) => `"${p}"`).join(", ")}`, () => {
      const failures = checkQrdl(input).failures ?? [];
      assert.deepEqual([...new Set(failures.map(failedProperty))].sort(), expected);
      for (const f of failures) assert.ok(f.reason.includes(failedProperty(f)), `the reason for "${failedProperty(f)}" does not mention it: ${f.reason}`);
    });
  }
});
