import { request } from "node:http";
import { connect } from "node:net";

/** A raw HTTP response with its body parsed as JSON when it is JSON. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json: Record<string, unknown> | undefined;
}

/** Sends exactly the given request with node:http (no headers added but Host and Content-Length). */
export function send(
  url: string,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const target = init.path === undefined ? new URL(url) : new URL(init.path, url);
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: init.method ?? "GET", headers: init.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: parseJson(res.headers["content-type"], body) });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/** Writes raw bytes on a new connection and returns everything the server sent before closing. */
export function sendBytes(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", reject);
    socket.setTimeout(5000, () => socket.destroy(new Error("the emulator did not close the connection")));
  });
}

function parseJson(contentType: string | undefined, body: Buffer): Record<string, unknown> | undefined {
  if (!contentType?.startsWith("application/json")) return undefined;
  return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
}
