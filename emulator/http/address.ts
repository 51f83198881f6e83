import { isIP } from "node:net";

/** Whether the emulator listens on every interface, not one address. */
export function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "";
}

/** Whether only this machine can reach the address. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** How a client on this machine reaches the listening address: a wildcard is where it listens, not where to connect. */
export function reachableHost(host: string): string {
  if (isWildcard(host)) return "127.0.0.1";
  return urlHost(host);
}

/** The host as it appears in a URL: IPv6 literals in brackets. */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}
