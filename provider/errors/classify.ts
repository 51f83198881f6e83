import { CamsError } from "./camsError";
import { AUTHENTICATION_CODES, THROTTLING_CODES, hintFor } from "./hints";
import { unsentCallError } from "./network";

/** Socket errors after which the request may or may not have reached the service. */
const AMBIGUOUS_SOCKET_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ESOCKETTIMEDOUT", "ReadTimeout", "UND_ERR_SOCKET"]);

interface SdkErrorShape {
  code?: unknown;
  message?: unknown;
  data?: { Code?: unknown; Message?: unknown; RequestId?: unknown; statusCode?: unknown; AccessDeniedDetail?: unknown };
  accessDeniedDetail?: unknown;
}

/** Turns whatever `@alicloud/openapi-client` threw into a CamsError with code, status and hint; `endpoint` is the URL called. */
export function classifySdkError(operation: string, error: unknown, endpoint?: string): CamsError {
  if (error instanceof CamsError) return error;
  const e = (error ?? {}) as SdkErrorShape;
  const data = e.data;
  if (data && typeof data.Code === "string") {
    return serviceError(operation, {
      code: data.Code,
      message: asText(data.Message) ?? "",
      requestId: asText(data.RequestId),
      httpStatus: typeof data.statusCode === "number" ? data.statusCode : undefined,
      accessDeniedDetail: asText(data.AccessDeniedDetail) ?? asText(e.accessDeniedDetail),
    });
  }
  const socketCode = asText(e.code) ?? "";
  const message = asText(e.message) ?? String(error);
  const unsent = unsentCallError(operation, socketCode, endpoint);
  if (unsent) return unsent;
  const ambiguous = AMBIGUOUS_SOCKET_CODES.has(socketCode) || /socket hang up|timeout|ECONNRESET/i.test(message) || error instanceof SyntaxError;
  if (ambiguous) {
    return new CamsError({
      code: "NetworkError",
      serviceMessage: error instanceof SyntaxError ? "the service answered with a body that is not JSON" : `${socketCode || "connection"} lost before the answer arrived`,
      operation,
      retryable: true,
      outcomeUnknown: true,
    });
  }
  return new CamsError({ code: socketCode || "ClientError", serviceMessage: message, operation, retryable: false });
}

/** A CamsError for an answer the service gave, HTTP 200 bodies whose Code is not "OK" included. */
export function serviceError(
  operation: string,
  answer: { code: string; message: string; requestId?: string; httpStatus?: number; accessDeniedDetail?: string },
): CamsError {
  const serverSide = answer.httpStatus !== undefined && answer.httpStatus >= 500;
  const throttled = THROTTLING_CODES.has(answer.code);
  return new CamsError({
    code: answer.code,
    serviceMessage: answer.message,
    operation,
    requestId: answer.requestId,
    httpStatus: answer.httpStatus,
    accessDeniedDetail: answer.accessDeniedDetail,
    hint: hintFor(answer.code, operation),
    retryable: throttled || serverSide,
    // A 5xx may come after the change was made; a throttled call was never carried out.
    outcomeUnknown: serverSide && !throttled,
  });
}

/** True when the failure is about who is calling, not what was asked. */
export function isAuthenticationError(error: CamsError): boolean {
  return AUTHENTICATION_CODES.has(error.code);
}

function asText(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}
