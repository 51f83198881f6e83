import { createHash, createHmac } from "node:crypto";
import { incompleteSignature, missingParameter, signatureDoesNotMatch } from "../errors";
import { header, type ApiRequest } from "../http/apiRequest";
import { canonicalParams } from "./canonicalParams";
import { safeEqual } from "./safeEqual";

/** The only V3 algorithm the emulator verifies, the default of @alicloud/openapi-client 0.4.x. */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** The parts of an `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header. */
export interface Acs3Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Splits the Authorization header; anything but the documented shape is IncompleteSignature. */
export function parseAcs3Authorization(value: string): Acs3Authorization {
  const space = value.indexOf(" ");
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== ACS3_ALGORITHM) {
    throw incompleteSignature(`the Authorization header must start with ${ACS3_ALGORITHM}, not "${algorithm}"`);
  }
  const fields = new Map<string, string>();
  for (const part of value.slice(space + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature) {
    throw incompleteSignature("the Authorization header needs Credential, SignedHeaders and Signature");
  }
  return { accessKeyId, signedHeaders: signedHeaders.split(";"), signature };
}

/** Refuses a signature that leaves out host, content-type or an x-acs-* header the request carries. */
export function requireSignedHeaders(req: ApiRequest, signedHeaders: readonly string[]): void {
  const mustSign = Object.keys(req.headers).filter((h) => h === "host" || h === "content-type" || h.startsWith("x-acs-"));
  const unsigned = mustSign.filter((h) => !signedHeaders.includes(h));
  if (unsigned.length > 0) throw incompleteSignature(`SignedHeaders must include ${unsigned.join(", ")}`);
}

/** Checks the body hash and the signature against the canonical request rebuilt from what was received. */
export function verifyAcs3(req: ApiRequest, auth: Acs3Authorization, secret: string): void {
  const declaredHash = header(req, "x-acs-content-sha256");
  if (declaredHash === undefined) throw missingParameter("x-acs-content-sha256");
  const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest(req, auth.signedHeaders, declaredHash))}`;
  if (declaredHash.toLowerCase() !== sha256Hex(req.body)) {
    throw signatureDoesNotMatch(stringToSign, "The x-acs-content-sha256 header is not the SHA-256 of the request body.");
  }
  const expected = createHmac("sha256", secret).update(stringToSign).digest("hex");
  if (!safeEqual(expected, auth.signature.toLowerCase())) throw signatureDoesNotMatch(stringToSign);
}

function canonicalRequest(req: ApiRequest, signedHeaders: readonly string[], payloadHash: string): string {
  const query = canonicalParams(req.query);
  const headers = signedHeaders
    .map((h) => `${h}:${(req.headers[h] ?? []).map((v) => v.trim()).sort().join(",")}\n`)
    .join("");
  return [req.method, req.path, query, headers, signedHeaders.join(";"), payloadHash].join("\n");
}

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
