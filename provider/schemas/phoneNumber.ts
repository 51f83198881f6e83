/** Spaces people type or paste between digit groups: space, no-break space, narrow no-break space. */
const SPACE = "[ \\u00a0\\u202f]";
const SPACES = new RegExp(`^${SPACE}+|${SPACE}+$`, "g");
/** One separator between groups: spaces, or a single dash or dot with optional spaces around it. */
const SEPARATOR = `(?:${SPACE}+|${SPACE}*[-.]${SPACE}*)`;
/** Digits, or digits in brackets (an area code). */
const GROUP = "(?:[0-9]+|\\([0-9]+\\))";
/** The whole accepted form: an optional leading +, then digit groups with at most one separator between two. */
const WRITTEN_NUMBER = new RegExp(`^(?:\\+${SPACE}?)?${GROUP}(?:${SEPARATOR}?${GROUP})*$`);

/** A phone number read from how it was written: its digits, or why it is not a number. */
export type PhoneNumberReading = { digits: string; problem?: undefined } | { problem: string; digits?: undefined };

/**
 * Reads a business number written the usual ways: a leading `+`, digit groups separated by spaces,
 * dashes or dots, one bracketed area code (`+1 (415) 555-0100`). Anything else is refused with the
 * reason: control characters and line breaks, letters, a second `+`, a `00` or `0` prefix, stray symbols.
 */
export function readPhoneNumber(written: string): PhoneNumberReading {
  const text = written.replace(SPACES, "");
  const problem = writingProblem(text);
  if (problem) return { problem };
  const digits = text.replace(/[^0-9]/g, "");
  const numberProblem = digitsProblem(digits);
  return numberProblem ? { problem: numberProblem } : { digits };
}

/** Why the characters or their arrangement are not a phone number, or undefined. */
function writingProblem(text: string): string | undefined {
  if (text === "") return "it is empty";
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return "it contains a control character or line break (often pasted with the number): remove it";
  if (/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/u.test(text)) return "it contains an invisible character (a zero-width space or direction mark, often pasted with the number): retype the number";
  if (/\p{L}/u.test(text)) return "it contains characters other than digits: letters (write the digits; extensions and vanity numbers such as 1-800-FLOWERS cannot be dialled by WhatsApp)";
  if (/(?![0-9])\p{Nd}/u.test(text)) return "it contains characters other than digits 0-9 (full-width or another script's digits): retype it with 0-9";
  const stray = /[^0-9+ \u00a0\u202f().-]/.exec(text);
  if (stray) return `it contains characters other than digits, +, spaces, dashes, dots or brackets: ${JSON.stringify(stray[0])}`;
  if ((text.match(/\+/g) ?? []).length > 1) return "it has more than one +: write a single + before the country code";
  if (text.includes("+") && !text.startsWith("+")) return "it has a + after the first digit: + may only come first, before the country code";
  return arrangementProblem(text.replace(/^\+/, ""));
}

/** Why the separators and brackets are not arranged as digit groups, or undefined. */
function arrangementProblem(text: string): string | undefined {
  if (/^[ \u00a0\u202f]*[-.]|[-.][ \u00a0\u202f]*$/.test(text)) return "it starts or ends with a dash or dot: remove it";
  if (/[-.][ \u00a0\u202f]*[-.]/.test(text)) return "it has two dashes or dots in a row: keep one between digit groups";
  const brackets = text.match(/[()]/g) ?? [];
  if (brackets.length > 2 || !/^(?:[^()]*|[^()]*\([0-9]+\)[^()]*)$/.test(text)) return "its brackets do not enclose one group of digits: bracket at most the area code, e.g. +1 (415) 555-0100";
  if (/^[ \u00a0\u202f]*\(/.test(text)) return "it starts with a bracketed area code, the national form: write the country code first, e.g. +1 (415) 555-0100";
  if (/\(0/.test(text)) return "it has a bracketed group starting with 0, a national trunk prefix: leave the 0 out, e.g. +44 20 7946 0958 for +44 (0)20 7946 0958";
  if (!WRITTEN_NUMBER.test(`+${text}`)) return "it is not digit groups separated by single spaces, dashes or dots";
  return undefined;
}

/** Why the digits are not a business number in international form, or undefined when they are. */
function digitsProblem(digits: string): string | undefined {
  if (digits === "") return "it has no digits";
  if (digits.startsWith("00")) return "it starts with 00, an international call prefix: write + instead, or nothing (e.g. +86… or 86…, not 0086…)";
  if (digits.startsWith("0")) return "it starts with 0, a national trunk prefix: write the country code first (e.g. 86…, not 0…)";
  if (digits.length < 8 || digits.length > 15) return `it has ${digits.length} digits; international numbers have 8 to 15`;
  return undefined;
}
