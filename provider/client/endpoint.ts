import { InvalidSettingError } from "../errors/configErrors";

/** An endpoint as written by the user: its host[:port], and the protocol its scheme names, if any. */
export interface WrittenEndpoint {
  host: string;
  protocol?: "HTTPS" | "HTTP";
}

const EXAMPLE = "e.g. cams.ap-southeast-1.aliyuncs.com, or 127.0.0.1:8790 for the emulator";
/** A DNS name, an IPv4 address or a bracketed IPv6 address, then an optional port. */
const HOST_AND_PORT = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

/**
 * Reads `cams:endpoint`: a host with an optional port, or a URL of one (`http://host:port/`), whose
 * scheme then stands for `cams:protocol`. Anything else (a path, user info, a bad port) is refused.
 */
export function parseEndpoint(setting: string, written: string): WrittenEndpoint {
  const refuse = (reason: string) => new InvalidSettingError(setting, reason, `write the host and an optional port, ${EXAMPLE}`);
  // A value with user info may carry a password: never echo it.
  if (written.includes("@")) throw refuse("contains user information (`@`), which CAMS endpoints never have");
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(written.trim());
  let rest = written.trim();
  let protocol: WrittenEndpoint["protocol"];
  if (scheme) {
    const name = scheme[1].toLowerCase();
    if (name !== "http" && name !== "https") throw refuse(`"${written}" has the scheme "${scheme[1]}"; only http:// and https:// are understood`);
    protocol = name === "http" ? "HTTP" : "HTTPS";
    rest = rest.slice(scheme[0].length).replace(/\/$/, "");
  }
  const match = HOST_AND_PORT.exec(rest);
  if (!match) throw refuse(`"${written}" is not a host with an optional port`);
  const port = match[1] === undefined ? undefined : Number(match[1]);
  if (port !== undefined && (port < 1 || port > 65535)) throw refuse(`"${written}" has port ${port}, outside 1 to 65535`);
  return { host: rest, protocol };
}
