import * as http from "http";
import type { AddressInfo } from "net";
import { DEMO_CREDENTIAL } from "../../emulator";
import { CamsClient } from "../../provider/client/camsClient";
import { CredentialChain } from "../../provider/client/credentials";
import type { ClientSettings } from "../../provider/client/settings";
import { FAST_RETRY, stackConfig } from "./fixtures";

/** A request the stand-in received: the operation and its form parameters. */
export interface StandInRequest {
  action: string;
  params: URLSearchParams;
}

/** How the stand-in answers one request: a status and body (an object is sent as JSON), after a delay, or no answer at all. */
export interface StandInReply {
  status?: number;
  body?: unknown;
  delayMs?: number;
  /** Close the connection without answering. */
  drop?: boolean;
}

/** A plain HTTP server on a free port that answers the way CAMS might; it checks no signature. */
export interface StandIn {
  endpoint: string;
  requests: StandInRequest[];
  close(): Promise<void>;
}

/** Starts a stand-in whose answer to the n-th request (from 0) `reply` decides. */
export async function startStandIn(reply: (req: StandInRequest, n: number) => StandInReply): Promise<StandIn> {
  const requests: StandInRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const received = { action: String(req.headers["x-acs-action"] ?? ""), params: new URLSearchParams(Buffer.concat(chunks).toString("utf8")) };
      const answer = reply(received, requests.length);
      requests.push(received);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (answer.drop) return void req.socket.destroy();
        const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? {});
        res.writeHead(answer.status ?? 200, { "content-type": "application/json;charset=utf-8" }).end(text);
      }, answer.delayMs ?? 0);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A client of the stand-in with the demo key, no rate limit to speak of, and fast retries. */
export function clientOf(endpoint: string, settings: Partial<ClientSettings> = {}, protocol: "HTTP" | "HTTPS" = "HTTP"): CamsClient {
  const config = stackConfig({ "alicloud:accessKey": DEMO_CREDENTIAL.accessKeyId, "alicloud:secretKey": DEMO_CREDENTIAL.accessKeySecret });
  return new CamsClient(
    { regionId: "ap-southeast-1", endpoint, protocol, maxCallsPerSecond: 1000, timeoutMs: 2000, connectTimeoutMs: 2000, ...settings },
    new CredentialChain(config, {}),
    FAST_RETRY,
  );
}

/** A successful CAMS answer carrying `data`. */
export function ok(data: unknown): StandInReply {
  return { body: { Code: "OK", Message: "OK", RequestId: "0C3F6F3B-0000-4000-8000-000000000001", Data: data } };
}
