import * as http from "http";
import type { AddressInfo } from "net";

/** The answer the proxy passes on in place of the emulator's. */
export type Rewrite = (action: string, answer: { status: number; body: Record<string, unknown> }) => { status: number; body: unknown };

/** A proxy in front of the emulator that changes its answers the way CAMS might, after the emulator has done the work. */
export interface RewritingProxy {
  endpoint: string;
  close(): Promise<void>;
}

/** Forwards every request unchanged to `target` (host:port) and answers with `rewrite` of the emulator's answer. */
export async function startRewritingProxy(target: string, rewrite: Rewrite): Promise<RewritingProxy> {
  const [hostname, port] = target.split(":");
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const upstream = http.request({ hostname, port: Number(port), method: req.method, path: req.url, headers: req.headers, agent: false }, (answer) => {
        const parts: Buffer[] = [];
        answer.on("data", (c: Buffer) => parts.push(c));
        answer.on("end", () => {
          const action = String(req.headers["x-acs-action"] ?? "");
          const changed = rewrite(action, { status: answer.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString("utf8")) as Record<string, unknown> });
          res.writeHead(changed.status, { "content-type": "application/json;charset=utf-8" }).end(JSON.stringify(changed.body));
        });
      });
      upstream.on("error", () => req.socket.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
