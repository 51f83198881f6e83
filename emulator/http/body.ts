import type { IncomingMessage } from "node:http";

/** The largest request body the emulator reads. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** What reading a body produced: the bytes, a body over the limit, or a client that went away. */
export type BodyResult = { kind: "body"; body: Buffer } | { kind: "tooLarge" } | { kind: "aborted" };

/** Reads a request body, giving up as soon as it is known to exceed `limit` bytes (a declared length counts). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return Promise.resolve({ kind: "tooLarge" });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult): void => {
      req.off("data", onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish({ kind: "tooLarge" });
      else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => finish({ kind: "body", body: Buffer.concat(chunks) }));
    req.once("error", () => finish({ kind: "aborted" }));
    req.once("close", () => {
      if (!req.complete) finish({ kind: "aborted" });
    });
  });
}
