/** The facts of one failed CAMS call. */
export interface CamsErrorFields {
  /** The service's error code, e.g. `Ram.PermissionDeny`, or a client-side one such as `NetworkError`. */
  code: string;
  /** The message the service (or the network layer) gave, verbatim. */
  serviceMessage: string;
  /** The operation that failed, e.g. `CreatePhoneMessageQrdl`. */
  operation: string;
  /** Whether calling again may succeed (throttling, 5xx, network). */
  retryable: boolean;
  /** The request id the service returned, for support tickets. */
  requestId?: string;
  /** The HTTP status of the response (200 for a business failure reported in a 200 body). */
  httpStatus?: number;
  /** The RAM details of a denied call, as the service sent them. */
  accessDeniedDetail?: string;
  /** What the user can do about it. */
  hint?: string;
  /** How many times the call was attempted before this error was given up on. */
  attempts?: number;
  /** True when the request may have been carried out although no usable answer arrived (read timeout, reset, 5xx, unusable body). */
  outcomeUnknown?: boolean;
  /** The URL the call went to, e.g. `https://cams.ap-southeast-1.aliyuncs.com`. */
  endpoint?: string;
}

/** What a failed call did to CAMS: "refused" (nothing changed) or "unknown" (it may have been carried out). */
export type FailedOutcome = "refused" | "unknown";

/** What went wrong talking to CAMS, as a value callers branch on by `code`, never by message text. */
export class CamsError extends Error implements CamsErrorFields {
  override readonly name = "CamsError";
  readonly code: string;
  readonly serviceMessage: string;
  readonly operation: string;
  readonly retryable: boolean;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly accessDeniedDetail?: string;
  readonly hint?: string;
  readonly attempts: number;
  readonly outcomeUnknown: boolean;
  /** The same fact as `outcomeUnknown`, as the value a caller that retries must name. */
  readonly outcome: FailedOutcome;
  readonly endpoint?: string;

  constructor(fields: CamsErrorFields) {
    super(describe(fields));
    this.code = fields.code;
    this.serviceMessage = fields.serviceMessage;
    this.operation = fields.operation;
    this.retryable = fields.retryable;
    this.requestId = fields.requestId;
    this.httpStatus = fields.httpStatus;
    this.accessDeniedDetail = fields.accessDeniedDetail;
    this.hint = fields.hint;
    this.attempts = fields.attempts ?? 1;
    this.outcomeUnknown = fields.outcomeUnknown ?? false;
    this.outcome = this.outcomeUnknown ? "unknown" : "refused";
    this.endpoint = fields.endpoint;
  }

  /** The same failure, recording that it was given up on after `attempts` tries. */
  afterAttempts(attempts: number, hint = this.hint): CamsError {
    return new CamsError({ ...this.fields(), attempts, hint });
  }

  /** The same failure, naming the endpoint the call went to. */
  at(endpoint: string): CamsError {
    return this.endpoint === endpoint ? this : new CamsError({ ...this.fields(), endpoint });
  }

  private fields(): CamsErrorFields {
    const { code, serviceMessage, operation, retryable, requestId, httpStatus, accessDeniedDetail, hint, attempts, outcomeUnknown, endpoint } = this;
    return { code, serviceMessage, operation, retryable, requestId, httpStatus, accessDeniedDetail, hint, attempts, outcomeUnknown, endpoint };
  }
}

function describe(f: CamsErrorFields): string {
  const where = [
    f.httpStatus !== undefined ? `HTTP ${f.httpStatus}` : undefined,
    f.requestId ? `RequestId ${f.requestId}` : undefined,
    f.attempts && f.attempts > 1 ? `after ${f.attempts} attempts` : undefined,
    f.endpoint && !f.serviceMessage.includes(f.endpoint) ? `endpoint ${f.endpoint}` : undefined,
  ].filter(Boolean);
  const head = `CAMS ${f.operation} failed with ${f.code}: ${f.serviceMessage}`;
  const lines = [where.length ? `${head} (${where.join(", ")})` : head];
  if (f.accessDeniedDetail) lines.push(`  AccessDeniedDetail: ${f.accessDeniedDetail}`);
  if (f.hint) lines.push(`  hint: ${f.hint}`);
  return lines.join("\n");
}
