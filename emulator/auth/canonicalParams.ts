import type { Params } from "../http/form";
import { percentEncode } from "./percentEncode";

/** `name=value` pairs sorted by name and percent-encoded, joined with "&": the parameter part of both signature schemes. */
export function canonicalParams(params: Params): string {
  return [...params]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join("&");
}
