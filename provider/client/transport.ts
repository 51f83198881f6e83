import * as http from "http";
import * as https from "https";

/** A signed request ready to go on the wire: `POST /` with a form body. */
export interface WireRequest {
  protocol: "HTTP" | "HTTPS";
  /** Host, with `:port` when not the protocol's default. */
  host: string;
  headers: Record<string, string>;
  body: string;
}

/** The two waits of a call, each honoured on its own. */
export interface WireTimeouts {
  /** From the start of the call until the connection (TLS included) is up; nothing has been sent yet. */
  connectTimeoutMs: number;
  /** From the connection being up until the whole answer has arrived. */
  readTimeoutMs: number;
}

/** An answer as it arrived: status and body text, not yet interpreted. */
export interface WireAnswer {
  status: number;
  text: string;
}

/** Where a call stopped: before anything was sent ("connect"), or after ("read"). */
export type WirePhase = "connect" | "read";

/** A call that got no answer; `phase` says whether the request may have reached CAMS. */
export class WireFailure extends Error {
  override readonly name = "WireFailure";

  constructor(
    readonly phase: WirePhase,
    readonly reason: "timeout" | "refused" | "lost" | "too large",
    readonly detail: string,
  ) {
    super(`${phase} ${reason}: ${detail}`);
  }
}

/** Answers above this size are not CAMS's: stop reading rather than exhaust memory. */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * Sends one request on a fresh connection (a reused one could have been closed by the server while
 * idle, which would look like a lost answer) and reads the whole answer.
 */
export function send(request: WireRequest, timeouts: WireTimeouts): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${request.protocol.toLowerCase()}://${request.host}/`);
    const lib = request.protocol === "HTTPS" ? https : http;
    let phase: WirePhase = "connect";
    let settled = false;
    const req = lib.request({ method: "POST", hostname: url.hostname, port: url.port || undefined, path: "/", headers: request.headers, agent: false });
    const fail = (failure: WireFailure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(failure);
    };
    let timer = setTimeout(() => fail(new WireFailure("connect", "timeout", `no connection within ${timeouts.connectTimeoutMs} ms`)), timeouts.connectTimeoutMs);
    const connected = (): void => {
      if (phase === "read") return;
      phase = "read";
      clearTimeout(timer);
      timer = setTimeout(() => fail(new WireFailure("read", "timeout", `no complete answer within ${timeouts.readTimeoutMs} ms`)), timeouts.readTimeoutMs);
    };
    req.once("socket", (socket) => {
      socket.once(request.protocol === "HTTPS" ? "secureConnect" : "connect", connected);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      fail(new WireFailure(phase, phase === "connect" ? "refused" : "lost", error.code ?? error.message));
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) fail(new WireFailure("read", "too large", `the answer exceeds ${MAX_ANSWER_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on("error", (error: NodeJS.ErrnoException) => fail(new WireFailure("read", "lost", error.code ?? error.message)));
      res.on("aborted", () => fail(new WireFailure("read", "lost", "the connection closed before the answer was complete")));
      res.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.end(request.body);
  });
}
