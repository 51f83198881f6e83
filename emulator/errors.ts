/** Error codes the emulator answers with; the gateway's and CAMS's own codes are spelled as the real service spells them. */
export const ErrorCodes = {
  BadRequest: "BadRequest",
  RequestTimeout: "RequestTimeout",
  RequestHeaderFieldsTooLarge: "RequestHeaderFieldsTooLarge",
  NotFound: "NotFound",
  MethodNotAllowed: "MethodNotAllowed",
  RequestBodyTooLarge: "RequestBodyTooLarge",
  UnsupportedMediaType: "UnsupportedMediaType",
  Unauthorized: "Unauthorized",
  ForbiddenHost: "Forbidden.Host",
  ForbiddenCrossSite: "Forbidden.CrossSite",
  MissingParameter: "MissingParameter",
  InvalidParameter: "InvalidParameter",
  InvalidVersion: "InvalidVersion",
  InvalidActionNotFound: "InvalidAction.NotFound",
  MissingAuthorization: "MissingAuthorization",
  IncompleteSignature: "IncompleteSignature",
  InvalidAccessKeyIdNotFound: "InvalidAccessKeyId.NotFound",
  SignatureDoesNotMatch: "SignatureDoesNotMatch",
  InvalidTimeStampFormat: "InvalidTimeStamp.Format",
  InvalidTimeStampExpired: "InvalidTimeStamp.Expired",
  SignatureNonceUsed: "SignatureNonceUsed",
  MissingSecurityToken: "MissingSecurityToken",
  InvalidSecurityTokenMismatch: "InvalidSecurityToken.MismatchWithAccessKey",
  SystemLimitControl: "System.LimitControl",
  InternalError: "InternalError",
  ServiceUnavailable: "ServiceUnavailable",
  ProductUnsubscript: "Product.Unsubscript",
  RamPermissionDeny: "Ram.PermissionDeny",
  UnknownResourceOwnerId: "Unknown.ResourceOwnerId",
  InvalidQrdlCodeNotFound: "InvalidQrdlCode.NotFound",
  QrdlCodeQuotaExceeded: "QrdlCode.QuotaExceeded",
} as const;

/** One of the codes in {@link ErrorCodes}. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** A failed API call: the code, HTTP status and message the emulator answers with. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly httpStatus: number,
    message: string,
    /** Whether CAMS itself (not the gateway) raised it, so `businessErrorsAsHttp200` may turn it into HTTP 200. */
    readonly business = false,
    readonly accessDeniedDetail?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** 400 MissingParameter naming the parameter, worded like the gateway. */
export function missingParameter(name: string): ApiError {
  return new ApiError(
    ErrorCodes.MissingParameter,
    400,
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

/** 400 InvalidParameter naming the parameter and why it was refused. */
export function invalidParameter(name: string, reason: string): ApiError {
  return new ApiError(ErrorCodes.InvalidParameter, 400, `The input parameter "${name}" is invalid: ${reason}.`);
}

/** 400 IncompleteSignature: the signature material is malformed or leaves something unsigned. */
export function incompleteSignature(reason: string): ApiError {
  return new ApiError(
    ErrorCodes.IncompleteSignature,
    400,
    `The request signature does not conform to Aliyun standards: ${reason}.`,
  );
}

/** 400 SignatureDoesNotMatch carrying the server's string to sign, the way SDKs diagnose it. */
export function signatureDoesNotMatch(stringToSign: string, reason = ""): ApiError {
  const why = reason === "" ? "" : ` ${reason}`;
  return new ApiError(
    ErrorCodes.SignatureDoesNotMatch,
    400,
    `Specified signature does not match our calculation.${why} server string to sign is:${stringToSign}`,
  );
}

/** 400 InvalidAccessKeyId.NotFound, the status the gateway documents for it. */
export function accessKeyNotFound(): ApiError {
  return new ApiError(ErrorCodes.InvalidAccessKeyIdNotFound, 400, "Specified access key is not found.");
}

/** 400 System.LimitControl, the flow-control answer CAMS documents for all four operations. */
export function limitControl(): ApiError {
  return new ApiError(ErrorCodes.SystemLimitControl, 400, "The system is under flow control.");
}

/** 404 InvalidQrdlCode.NotFound: no such message QR code for this phone number and space. */
export function qrdlCodeNotFound(qrdlCode: string): ApiError {
  return new ApiError(
    ErrorCodes.InvalidQrdlCodeNotFound,
    404,
    `The message QR code "${qrdlCode}" does not exist for this phone number and space.`,
    true,
  );
}
