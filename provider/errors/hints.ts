import { ramActionFor } from "../client/operations";

/**
 * Codes that mean "slow down, nothing was done": the call is retried with backoff. ServiceUnavailable
 * is not one of them: a 503 may come after the change was made.
 */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  "System.LimitControl",
  "Throttling",
  "Throttling.User",
  "Throttling.Api",
]);

/** Codes that say the request was not authenticated, whatever the operation. */
export const AUTHENTICATION_CODES: ReadonlySet<string> = new Set([
  "SignatureDoesNotMatch",
  "InvalidAccessKeyId.NotFound",
  "InvalidAccessKeyId.Inactive",
  "InvalidSecurityToken.Expired",
  "InvalidSecurityToken.Mismatch",
  "InvalidSecurityToken.Malformed",
  "InvalidSecurityToken.MismatchWithAccessKey",
  "MissingSecurityToken",
  "IncompleteSignature",
  "MissingAuthorization",
]);

/** A one-line fix for a documented error code, naming the action, product or field involved. */
export function hintFor(code: string, operation: string): string | undefined {
  switch (code) {
    case "Ram.PermissionDeny":
    case "Forbidden.RAM":
    case "NoPermission":
      return `grant the RAM action "${ramActionFor(operation)}" to the caller (a RAM policy with Action "${ramActionFor(operation)}" and Resource "*")`;
    case "Product.Unsubscript":
      return "activate Chat App Message Service (CAMS) for this Alibaba Cloud account in the console, then run again";
    case "Unknown.ResourceOwnerId":
      return "the phone number or custSpaceId does not belong to this account: check phoneNumber and custSpaceId, and that the credentials are for the account that owns the WABA";
    case "SignatureDoesNotMatch":
      return "the AccessKey secret is wrong: check alicloud:secretKey or ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    case "InvalidAccessKeyId.NotFound":
    case "InvalidAccessKeyId.Inactive":
      return "the AccessKey id is unknown or disabled: check alicloud:accessKey or ALIBABA_CLOUD_ACCESS_KEY_ID";
    case "InvalidSecurityToken.Expired":
    case "InvalidSecurityToken.Mismatch":
    case "InvalidSecurityToken.Malformed":
    case "InvalidSecurityToken.MismatchWithAccessKey":
    case "MissingSecurityToken":
      return "the STS security token is expired or does not match the AccessKey: refresh the temporary credentials";
    case "InvalidTimeStamp.Expired":
      return "the local clock is too far from the service's: synchronise the machine's clock";
    case "QrdlCode.QuotaExceeded":
      return "WhatsApp allows at most 2,000 QR codes per phone number: delete codes that are no longer printed, or use another number";
    case "MissingParameter":
    case "InvalidParameter":
      return "a request parameter was rejected: check the resource inputs named in the message";
    default:
      if (THROTTLING_CODES.has(code)) {
        return "CAMS allows 5 calls per second per account, and this machine's runs already share that: something else (another machine, another tool) uses the same AccessKey; lower `cams:maxCallsPerSecond` on each machine";
      }
      return undefined;
  }
}
