import { strict as assert } from "assert";
import fc from "fast-check";
import { checkQrdl } from "../../provider/lifecycle/check";

const MESSAGE = "Hi, I'm at store 42";

/** The phoneNumber failure of a check, or undefined when the number was accepted. */
function refusal(phoneNumber: string): string | undefined {
  const failures = checkQrdl({ phoneNumber, prefilledMessage: MESSAGE }).failures ?? [];
  assert.ok(failures.every((f) => f.property === "phoneNumber"), `only phoneNumber may be named: ${JSON.stringify(failures)}`);
  return failures[0]?.reason;
}

function accepted(phoneNumber: string): string {
  const result = checkQrdl({ phoneNumber, prefilledMessage: MESSAGE });
  assert.equal(result.failures, undefined, `${JSON.stringify(phoneNumber)} was refused: ${result.failures?.[0]?.reason}`);
  return String(result.inputs?.phoneNumber);
}

function assertRefused(phoneNumber: string, why?: RegExp): void {
  const reason = refusal(phoneNumber);
  assert.ok(reason, `${JSON.stringify(phoneNumber)} was accepted as ${checkQrdl({ phoneNumber, prefilledMessage: MESSAGE }).inputs?.phoneNumber}`);
  assert.match(reason, /^phoneNumber /, "the reason names the property first");
  assert.match(reason, /country code first, e\.g\./, "the reason says how to write it");
  if (why) assert.match(reason, why);
}

/** A valid international number as digit groups: country code 1-3 digits, then groups, 8 to 15 digits in all. */
const groups = fc
  .tuple(fc.stringMatching(/^[1-9][0-9]{0,2}$/), fc.array(fc.stringMatching(/^[1-9][0-9]{1,3}$/), { minLength: 2, maxLength: 4 }))
  .map(([cc, rest]) => [cc, ...rest])
  .filter((g) => g.join("").length >= 8 && g.join("").length <= 15);
const separator = fc.constantFrom(" ", "-", ".", " - ", "\u00a0", "  ");
/** A valid number written a usual way: optional +, any separators, maybe brackets around the second group. */
const writtenNumber = fc.tuple(groups, fc.boolean(), fc.boolean(), fc.array(separator, { minLength: 5, maxLength: 5 })).map(([g, plus, bracket, seps]) => {
  const parts = g.map((group, i) => (bracket && i === 1 ? `(${group})` : group));
  return { digits: g.join(""), written: (plus ? "+" : "") + parts.reduce((text, part, i) => `${text}${seps[i - 1]}${part}`) };
});
/** Inserts `extra` at a generated position of `text`. */
const withInserted = (extra: fc.Arbitrary<string>) =>
  fc.tuple(writtenNumber, extra, fc.nat()).map(([{ written }, x, at]) => written.slice(0, at % (written.length + 1)) + x + written.slice(at % (written.length + 1)));

describe("phoneNumber: the usual ways of writing a number, and nothing else", () => {
  it("accepts a number written with +, spaces, dashes, dots or a bracketed area code, keeping its digits in order (300 cases)", () => {
    fc.assert(fc.property(writtenNumber, ({ digits, written }) => assert.equal(accepted(written), digits)), { numRuns: 300 });
  });

  it("refuses any number with a control character or line break anywhere, by name (300 cases)", () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(withInserted(fc.oneof(control, fc.constantFrom("\u2028", "\u2029"))), (w) => assertRefused(w, /control character or line break/)), { numRuns: 300 });
  });

  it("refuses any number with a letter anywhere, by name (300 cases)", () => {
    fc.assert(fc.property(withInserted(fc.constantFrom(..."abcxyzABCXYZéßЖ中")), (w) => assertRefused(w, /letters/)), { numRuns: 300 });
  });

  it("refuses a second + anywhere (300 cases)", () => {
    const twoPluses = fc.tuple(writtenNumber, fc.nat()).map(([{ written }, at]) => {
      const plussed = written.startsWith("+") ? written : `+${written}`;
      const i = at % (plussed.length + 1);
      return plussed.slice(0, i) + "+" + plussed.slice(i);
    });
    fc.assert(fc.property(twoPluses, (w) => assertRefused(w, /more than one \+/)), { numRuns: 300 });
  });

  it("refuses any character outside digits, +, spaces, dashes, dots and brackets (300 cases)", () => {
    const stray = fc.string({ minLength: 1, maxLength: 1, unit: "binary" }).filter((c) => !/[0-9+ \u00a0\u202f().\-]/.test(c));
    fc.assert(fc.property(withInserted(stray), (w) => assertRefused(w)), { numRuns: 300 });
  });

  it("whatever it is given, it either refuses by name or keeps exactly the ASCII digits written (500 cases)", () => {
    const anything = fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), fc.stringMatching(/^[+0-9 ().\-\n\t]{0,25}$/));
    fc.assert(
      fc.property(anything, (w) => {
        const reason = refusal(w);
        if (reason) return assert.match(reason, /^phoneNumber /);
        assert.equal(accepted(w), w.replace(/[^0-9]/g, ""));
        assert.ok(!/[^0-9+ \u00a0\u202f().-]/.test(w), `accepted a character outside the grammar: ${JSON.stringify(w)}`);
      }),
      { numRuns: 500 },
    );
  });

  /** [written, what the refusal must say] */
  const REFUSED: Array<[string, RegExp]> = [
    ["+86 158\n0000 0000", /line break/],
    ["++86 158 0000 0000", /more than one \+/],
    ["86+158 0000 0000", /\+ may only come first/],
    ["0086 158 0000 0000", /starts with 00.*write \+ instead/],
    ["0158 0000 0000", /national trunk prefix/],
    ["+44 (0)20 7946 0958", /leave the 0 out/],
    ["(415) 555-0100", /country code first/],
    ["+1 (415 555-0100", /brackets/],
    ["+1 ((415)) 555-0100", /brackets/],
    ["+1 (415) (555) 0100", /brackets/],
    ["+86 158--0000-0000", /two dashes or dots/],
    ["+86 158-.0000", /two dashes or dots/],
    ["-86 158 0000 0000", /starts or ends with a dash/],
    ["+86 158 0000 0000.", /starts or ends with a dash/],
    ["+1-800-FLOWERS", /letters/],
    ["+86 158 0000 0000 ext 12", /letters/],
    ["+86\u200b158 0000 0000", /invisible character/],
    ["+86 158 0000 0000 #12", /"#"/],
    ["８６１５８００００００００", /0-9/],
  ];
  for (const [written, why] of REFUSED) {
    it(`refuses ${JSON.stringify(written)}, saying ${why.source}`, () => assertRefused(written, why));
  }

  /** [written, digits] */
  const ACCEPTED: Array<[string, string]> = [
    ["+1 (415) 555-0100", "14155550100"],
    ["+1(415)555-0100", "14155550100"],
    ["+44 20 7946 0958", "442079460958"],
    ["+49 30 1234.5678", "493012345678"],
    ["  +86 158 0000 0000  ", "8615800000000"],
    ["+86\u00a0158\u00a00000\u00a00000", "8615800000000"],
    ["+ 86 158 0000 0000", "8615800000000"],
    ["86 - 158 - 0000 - 0000", "8615800000000"],
  ];
  for (const [written, digits] of ACCEPTED) {
    it(`accepts ${JSON.stringify(written)} as ${digits}`, () => assert.equal(accepted(written), digits));
  }

  it("shows a refused value escaped, so a line break reads as \\n", () => {
    assert.ok(refusal("+86 158\n0000 0000")?.includes(String.raw`"+86 158\n0000 0000"`));
  });
});
