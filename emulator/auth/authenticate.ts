import type { CredentialStore, EmulatorCredential } from "../credentials";
import { accessKeyNotFound, ApiError, ErrorCodes, missingParameter } from "../errors";
import { header, type ApiRequest } from "../http/apiRequest";
import type { Params } from "../http/form";
import { parseAcs3Authorization, requireSignedHeaders, verifyAcs3 } from "./acs3";
import { rpcSignatureParams, verifyHmacSha1 } from "./hmacSha1";
import type { NonceLedger } from "./nonces";
import { safeEqual } from "./safeEqual";
import { checkTimestamp, MAX_CLOCK_SKEW_MS } from "./timestamp";

/** How a request is signed: V3 Authorization header, the RPC Signature parameter, or not at all. */
export type SignatureScheme = "acs3" | "hmacSha1" | "none";

/** What authentication needs besides the request. */
export interface AuthDeps {
  credentials: CredentialStore;
  nonces: NonceLedger;
  now: number;
}

/** Tells the scheme apart the way the gateway does: an Authorization header wins over a Signature parameter. */
export function signatureScheme(req: ApiRequest, params: Params): SignatureScheme {
  if (header(req, "authorization") !== undefined) return "acs3";
  if (params.has("Signature")) return "hmacSha1";
  return "none";
}

/** The AccessKeyId the request claims, before anything is verified (for the call log). */
export function claimedAccessKeyId(req: ApiRequest, scheme: SignatureScheme, params: Params): string | undefined {
  if (scheme === "acs3") return /Credential=([^,\s]+)/.exec(header(req, "authorization") ?? "")?.[1];
  if (scheme === "hmacSha1") return params.get("AccessKeyId");
  return undefined;
}

/**
 * Verifies the caller and returns its AccessKeyId. Checks run cheapest-first and the nonce is claimed
 * last, so a forged or stale request cannot burn a nonce a genuine request still needs.
 */
export function authenticate(req: ApiRequest, scheme: SignatureScheme, params: Params, deps: AuthDeps): string {
  if (scheme === "acs3") return authenticateAcs3(req, deps);
  if (scheme === "hmacSha1") return authenticateHmacSha1(req, params, deps);
  throw new ApiError(
    ErrorCodes.MissingAuthorization,
    400,
    "The request is not signed: send an ACS3-HMAC-SHA256 Authorization header or the RPC Signature parameters.",
  );
}

function authenticateAcs3(req: ApiRequest, deps: AuthDeps): string {
  // Verifying one of several Authorization headers would let a valid one vouch for junk beside it.
  if ((req.headers["authorization"]?.length ?? 0) > 1) {
    throw new ApiError(ErrorCodes.IncompleteSignature, 400, "The request carries more than one Authorization header.");
  }
  const auth = parseAcs3Authorization(header(req, "authorization") ?? "");
  const date = requiredHeader(req, "x-acs-date");
  const nonce = requiredHeader(req, "x-acs-signature-nonce");
  requireSignedHeaders(req, auth.signedHeaders);
  const credential = findCredential(auth.accessKeyId, deps);
  checkSecurityToken(credential, header(req, "x-acs-security-token"));
  const signedAt = checkTimestamp(date, "x-acs-date", deps.now);
  verifyAcs3(req, auth, credential.accessKeySecret);
  claimNonce(credential, nonce, signedAt, deps);
  return credential.accessKeyId;
}

function authenticateHmacSha1(req: ApiRequest, params: Params, deps: AuthDeps): string {
  const signed = rpcSignatureParams(params);
  const credential = findCredential(signed.accessKeyId, deps);
  checkSecurityToken(credential, signed.securityToken);
  const signedAt = checkTimestamp(signed.timestamp, "Timestamp", deps.now);
  verifyHmacSha1(req.method, params, signed.signature, credential.accessKeySecret);
  claimNonce(credential, signed.nonce, signedAt, deps);
  return credential.accessKeyId;
}

function requiredHeader(req: ApiRequest, name: string): string {
  const value = header(req, name);
  if (value === undefined || value === "") throw missingParameter(name);
  return value;
}

function findCredential(accessKeyId: string, deps: AuthDeps): EmulatorCredential {
  const credential = deps.credentials.find(accessKeyId);
  if (!credential) throw accessKeyNotFound();
  return credential;
}

// A temporary (STS) key is only valid with its token; a permanent key must not carry one.
function checkSecurityToken(credential: EmulatorCredential, sent: string | undefined): void {
  const expected = credential.securityToken;
  if (expected !== undefined && sent === undefined) {
    throw new ApiError(ErrorCodes.MissingSecurityToken, 400, "The AccessKey is temporary; send its security token.");
  }
  if (sent !== undefined && !safeEqual(sent, expected ?? "")) {
    throw new ApiError(ErrorCodes.InvalidSecurityTokenMismatch, 400, "The security token does not match the AccessKey.");
  }
}

// The request stays acceptable until its signed date leaves the window, so its nonce is kept that long.
function claimNonce(credential: EmulatorCredential, nonce: string, signedAt: number, deps: AuthDeps): void {
  const claim = deps.nonces.claimNonce(`${credential.accessKeyId}\n${nonce}`, signedAt + MAX_CLOCK_SKEW_MS, deps.now);
  if (claim === "used") throw new ApiError(ErrorCodes.SignatureNonceUsed, 400, "Specified signature nonce was used already.");
  if (claim === "full") {
    throw new ApiError(ErrorCodes.SystemLimitControl, 400, "The system is under flow control: the emulator holds as many live signature nonces as it keeps.");
  }
}
