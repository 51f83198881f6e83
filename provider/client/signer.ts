import { createHash, createHmac, randomUUID } from "crypto";
import type { ResolvedCredentials } from "./credentials";
import type { WireRequest } from "./transport";

/** The RPC call to sign: which operation, where, and its parameters (sent as a form body). */
export interface RpcCall {
  action: string;
  version: string;
  protocol: "HTTP" | "HTTPS";
  host: string;
  params: Record<string, string>;
}

const ALGORITHM = "ACS3-HMAC-SHA256";

/** Signs a call with ACS3-HMAC-SHA256, the scheme of `@alicloud/openapi-client` 0.4.x; the secret never leaves this function. */
export function signRpcCall(call: RpcCall, credentials: ResolvedCredentials, userAgent: string, now: Date = new Date()): WireRequest {
  const body = formBody(call.params);
  const headers: Record<string, string> = {
    host: call.host,
    "x-acs-action": call.action,
    "x-acs-version": call.version,
    "x-acs-date": now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    "x-acs-signature-nonce": randomUUID(),
    "x-acs-content-sha256": sha256Hex(body),
    "content-type": "application/x-www-form-urlencoded",
  };
  if (credentials.securityToken) {
    headers["x-acs-accesskey-id"] = credentials.accessKeyId;
    headers["x-acs-security-token"] = credentials.securityToken;
  }
  const signed = Object.keys(headers).sort();
  const canonical = ["POST", "/", "", signed.map((h) => `${h}:${headers[h].trim()}\n`).join(""), signed.join(";"), headers["x-acs-content-sha256"]].join("\n");
  const stringToSign = `${ALGORITHM}\n${sha256Hex(canonical)}`;
  const signature = createHmac("sha256", credentials.accessKeySecret).update(stringToSign).digest("hex");
  return {
    protocol: call.protocol,
    host: call.host,
    body,
    headers: {
      ...headers,
      accept: "application/json",
      "user-agent": userAgent,
      authorization: `${ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${signed.join(";")},Signature=${signature}`,
    },
  };
}

/** Form encoding as the SDK does it: RFC 3986 percent-encoding, so every character is unambiguous. */
function formBody(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join("&");
}

function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
