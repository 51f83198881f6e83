import type { WireFailure } from "../client/transport";
import { CamsError } from "./camsError";
import { AUTHENTICATION_CODES, THROTTLING_CODES, hintFor } from "./hints";
import { unsentCallError } from "./network";

/**
 * A call that got no answer. Before the connection was up nothing was sent: refused, safe to send
 * again. After it, CAMS may have carried the request out: unknown.
 */
export function wireError(operation: string, failure: WireFailure, endpoint?: string): CamsError {
  if (failure.phase === "connect") {
    const unsent = failure.reason === "refused" ? unsentCallError(operation, failure.detail, endpoint) : undefined;
    if (unsent) return unsent;
    return new CamsError({
      code: failure.reason === "timeout" ? "ConnectTimeout" : "NetworkError",
      serviceMessage: `could not reach the CAMS endpoint (${failure.detail}); nothing was sent`,
      operation,
      retryable: true,
      hint: "check cams:endpoint / CAMS_ENDPOINT and the network; cams:connectTimeoutMs sets how long to wait for a connection",
    });
  }
  return new CamsError({
    code: failure.reason === "timeout" ? "ReadTimeout" : "NetworkError",
    serviceMessage: `the request was sent but ${failure.reason === "timeout" ? failure.detail : `the answer was lost (${failure.detail})`}`,
    operation,
    retryable: true,
    outcomeUnknown: true,
    hint: failure.reason === "timeout" ? "cams:timeoutMs sets how long to wait for an answer once the request is sent" : undefined,
  });
}

/** An answer that is not a CAMS answer (not JSON, no Code) or lacks what the operation needs: it may follow a commit. */
export function unusableAnswer(operation: string, httpStatus: number, reason: string, requestId?: string): CamsError {
  return new CamsError({
    code: "InvalidResponse",
    serviceMessage: reason,
    operation,
    httpStatus,
    requestId,
    retryable: true,
    outcomeUnknown: true,
    // A 3xx or 4xx page instead of CAMS's JSON usually means the request went somewhere else.
    hint: httpStatus >= 300 && httpStatus < 500 ? "the endpoint did not answer like CAMS: check cams:endpoint / CAMS_ENDPOINT and cams:protocol" : undefined,
  });
}

/**
 * A CamsError for an answer the service gave, HTTP 200 bodies whose Code is not "OK" included.
 * Throttling codes below 500 were never carried out; any 5xx may come after the change was made.
 */
export function serviceError(
  operation: string,
  answer: { code: string; message: string; requestId?: string; httpStatus: number; accessDeniedDetail?: string },
): CamsError {
  const serverSide = answer.httpStatus >= 500;
  const throttled = !serverSide && THROTTLING_CODES.has(answer.code);
  return new CamsError({
    code: answer.code,
    serviceMessage: answer.message,
    operation,
    requestId: answer.requestId,
    httpStatus: answer.httpStatus,
    accessDeniedDetail: answer.accessDeniedDetail,
    hint: hintFor(answer.code, operation),
    retryable: throttled || serverSide,
    outcomeUnknown: serverSide,
  });
}

/** True when CAMS said "slow down" and did nothing: the limiter should back off. */
export function isThrottling(error: CamsError): boolean {
  return THROTTLING_CODES.has(error.code) && !error.outcomeUnknown;
}

/** True when the failure is about who is calling, not what was asked. */
export function isAuthenticationError(error: CamsError): boolean {
  return AUTHENTICATION_CODES.has(error.code);
}
