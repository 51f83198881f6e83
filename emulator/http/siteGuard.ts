import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { ApiError, ErrorCodes } from "../errors";

/**
 * Decides which requests may reach the emulator at all. Nothing under /_emulator/ is signed and the demo key is
 * published, so a web page must not be able to drive it: a DNS-rebinding page arrives with its own host name in
 * Host, a cross-site page with its own Origin or `Sec-Fetch-Site: cross-site`.
 */
export class SiteGuard {
  private readonly names: ReadonlySet<string>;

  /** `names`: host names besides IP literals and localhost that clients use to reach the emulator. */
  constructor(names: readonly string[]) {
    this.names = new Set(["localhost", ...names.map((n) => n.toLowerCase())]);
  }

  /** The refusal for a request that did not come from the emulator's own address, or undefined to let it in. */
  refusal(req: IncomingMessage): ApiError | undefined {
    const host = req.headers.host ?? "";
    const name = hostName(host);
    if (name === undefined || !(isIP(name) !== 0 || this.names.has(name))) {
      return new ApiError(
        ErrorCodes.ForbiddenHost,
        403,
        `The Host "${host.slice(0, 100)}" is not an address of this emulator (an IP address, localhost${[...this.names].filter((n) => n !== "localhost").map((n) => `, ${n}`).join("")}); ` +
          "start it with --allowed-host <name> to accept another name.",
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
      return crossSite(`it comes from the web page ${origin.slice(0, 100)}`);
    }
    const site = req.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") return crossSite(`the browser marks it ${site.slice(0, 20)}`);
    return undefined;
  }
}

function crossSite(why: string): ApiError {
  return new ApiError(ErrorCodes.ForbiddenCrossSite, 403, `The emulator refuses cross-site requests: ${why}.`);
}

// "name:port", "name", "[v6]:port" → the lower-case name; undefined when malformed.
function hostName(host: string): string | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(host.trim());
  return match?.[1].replace(/^\[|\]$/g, "").toLowerCase();
}
