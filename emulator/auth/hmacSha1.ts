import { createHmac } from "node:crypto";
import { invalidParameter, missingParameter, signatureDoesNotMatch } from "../errors";
import type { Params } from "../http/form";
import { canonicalParams } from "./canonicalParams";
import { percentEncode } from "./percentEncode";
import { safeEqual } from "./safeEqual";

/** The parameters the RPC HMAC-SHA1 scheme (SignatureVersion 1.0) carries next to the operation's own. */
export interface RpcSignatureParams {
  accessKeyId: string;
  signature: string;
  nonce: string;
  timestamp: string;
  securityToken?: string;
}

/** Reads the signature parameters, refusing a request that lacks one or names another method or version. */
export function rpcSignatureParams(params: Params): RpcSignatureParams {
  const required = (name: string): string => {
    const value = params.get(name);
    if (value === undefined || value === "") throw missingParameter(name);
    return value;
  };
  if (required("SignatureMethod") !== "HMAC-SHA1") throw invalidParameter("SignatureMethod", "only HMAC-SHA1 is supported");
  if (required("SignatureVersion") !== "1.0") throw invalidParameter("SignatureVersion", "only 1.0 is supported");
  return {
    accessKeyId: required("AccessKeyId"),
    signature: required("Signature"),
    nonce: required("SignatureNonce"),
    timestamp: required("Timestamp"),
    securityToken: params.get("SecurityToken"),
  };
}

/** Checks the Signature parameter: base64 HMAC-SHA1 keyed with secret + "&" over METHOD&%2F&encoded sorted parameters. */
export function verifyHmacSha1(method: string, params: Params, signature: string, secret: string): void {
  const signed = new Map([...params].filter(([name]) => name !== "Signature"));
  const stringToSign = `${method}&${percentEncode("/")}&${percentEncode(canonicalParams(signed))}`;
  const expected = createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
  if (!safeEqual(expected, signature)) throw signatureDoesNotMatch(stringToSign);
}
