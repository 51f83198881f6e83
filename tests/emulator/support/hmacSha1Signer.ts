import { createHmac, randomUUID } from "node:crypto";
import { DEMO_CREDENTIAL } from "../../../emulator";

/**
 * A test-only signer for the RPC HMAC-SHA1 scheme (SignatureVersion 1.0), written from the published
 * algorithm; returns the form body of a POST / with every parameter signed.
 */
export function signHmacSha1(options: { action: string; params: Record<string, string>; nonce?: string; timestamp?: string }): string {
  const params: Record<string, string> = {
    ...options.params,
    Action: options.action,
    Version: "2020-06-06",
    Format: "JSON",
    AccessKeyId: DEMO_CREDENTIAL.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: options.nonce ?? randomUUID(),
    Timestamp: options.timestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
  const encode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k])}`)
    .join("&");
  const signature = createHmac("sha1", `${DEMO_CREDENTIAL.accessKeySecret}&`)
    .update(`POST&${encode("/")}&${encode(canonical)}`)
    .digest("base64");
  return `${canonical}&Signature=${encode(signature)}`;
}
