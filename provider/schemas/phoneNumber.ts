/** Characters people write inside phone numbers that carry no meaning: `+`, spaces, dashes, dots, brackets. */
const DECORATION = /[\s+\-.()\u00a0]/g;

/** The digits of a phone number written with `+`, spaces, dashes, dots or brackets. */
export function normalisePhoneNumber(written: string): string {
  return written.replace(DECORATION, "");
}

/** Why a normalised number is not a business number in international form, or undefined when it is. */
export function phoneNumberProblem(digits: string): string | undefined {
  if (digits === "") return "it is empty";
  if (!/^\d+$/.test(digits)) return "it contains characters other than digits, +, spaces, dashes, dots or brackets";
  if (digits.startsWith("0")) return "it starts with 0: write the country code first without a trunk or 00 prefix (e.g. 86…, not 0086… or 0…)";
  if (digits.length < 8 || digits.length > 15) return `it has ${digits.length} digits; international numbers have 8 to 15`;
  return undefined;
}
