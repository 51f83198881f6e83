import { createHash, createHmac, randomUUID } from "node:crypto";
import { DEMO_CREDENTIAL } from "../../../emulator";

/** What a hand-signed V3 call carries; every field can be bent to provoke one failure. */
export interface Acs3CallOptions {
  action?: string;
  version?: string;
  params: Record<string, string>;
  host: string;
  accessKeyId?: string;
  secret?: string;
  /** x-acs-date; default now. */
  date?: string;
  nonce?: string;
  securityToken?: string;
  /** Replaces the body after signing, to send what was not signed. */
  bodyAfterSigning?: string;
  /** Headers sent but left out of SignedHeaders. */
  unsignedHeaders?: Record<string, string>;
}

/**
 * A test-only ACS3-HMAC-SHA256 signer written from the published algorithm (not from the emulator), so a
 * mistake in the emulator's verifier cannot hide behind the same mistake here.
 */
export function signAcs3(options: Acs3CallOptions): { headers: Record<string, string>; body: string } {
  const body = new URLSearchParams(options.params).toString().replace(/\+/g, "%20");
  const signed: Record<string, string> = {
    host: options.host,
    "content-type": "application/x-www-form-urlencoded",
    "x-acs-action": options.action ?? "ListPhoneMessageQrdl",
    "x-acs-version": options.version ?? "2020-06-06",
    "x-acs-date": options.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    "x-acs-signature-nonce": options.nonce ?? randomUUID(),
    "x-acs-content-sha256": sha256(body),
  };
  if (options.securityToken !== undefined) signed["x-acs-security-token"] = options.securityToken;
  const names = Object.keys(signed).sort();
  const canonicalRequest = [
    "POST",
    "/",
    "",
    names.map((n) => `${n}:${signed[n].trim()}\n`).join(""),
    names.join(";"),
    signed["x-acs-content-sha256"],
  ].join("\n");
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256(canonicalRequest)}`;
  const signature = createHmac("sha256", options.secret ?? DEMO_CREDENTIAL.accessKeySecret).update(stringToSign).digest("hex");
  const credential = options.accessKeyId ?? DEMO_CREDENTIAL.accessKeyId;
  return {
    headers: {
      ...signed,
      ...options.unsignedHeaders,
      authorization: `ACS3-HMAC-SHA256 Credential=${credential},SignedHeaders=${names.join(";")},Signature=${signature}`,
    },
    body: options.bodyAfterSigning ?? body,
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
