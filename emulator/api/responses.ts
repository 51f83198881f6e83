import type { ApiError } from "../errors";

/** The body of a successful call. */
export function successBody(requestId: string, data: unknown): Record<string, unknown> {
  const body: Record<string, unknown> = { RequestId: requestId, Code: "OK", Message: "OK" };
  if (data !== undefined) body.Data = data;
  return body;
}

/** A failed call as sent: the gateway's error body, or CAMS's HTTP 200 body with a Code other than "OK". */
export function errorResponse(
  error: ApiError,
  requestId: string,
  hostId: string,
  businessErrorsAsHttp200: boolean,
): { httpStatus: number; body: Record<string, unknown> } {
  const denied = error.accessDeniedDetail === undefined ? {} : { AccessDeniedDetail: error.accessDeniedDetail };
  if (error.business && businessErrorsAsHttp200) {
    return { httpStatus: 200, body: { RequestId: requestId, Code: error.code, Message: error.message, ...denied } };
  }
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Cams&requestId=${requestId}`;
  return {
    httpStatus: error.httpStatus,
    body: { RequestId: requestId, HostId: hostId, Code: error.code, Message: error.message, Recommend: recommend, ...denied },
  };
}
