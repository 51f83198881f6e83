import { invalidParameter } from "../errors";

/** Parameters decoded from a query string or form body. */
export type Params = Map<string, string>;

/**
 * Decodes application/x-www-form-urlencoded text strictly: bad escapes, escapes of invalid UTF-8 and
 * repeated names are InvalidParameter, because a lenient decoder would verify a different value than was signed.
 */
export function parseForm(text: string, where: string): Params {
  const params: Params = new Map();
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decode(eq < 0 ? pair : pair.slice(0, eq), where);
    const value = decode(eq < 0 ? "" : pair.slice(eq + 1), where);
    if (name === "") throw invalidParameter(where, "it contains a parameter without a name");
    if (params.has(name)) throw invalidParameter(name, `it appears more than once in the ${where}`);
    params.set(name, value);
  }
  return params;
}

function decode(text: string, where: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw invalidParameter(where, "it contains a percent-escape that is malformed or not UTF-8");
  }
}
