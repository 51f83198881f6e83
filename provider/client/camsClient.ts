import { CamsError } from "../errors/camsError";
import { isThrottling, wireError } from "../errors/classify";
import { changedQrdl, listedQrdls } from "./answers";
import { CredentialChain } from "./credentials";
import { DataReader, interpretAnswer } from "./interpret";
import { CreateQrdlRequest, DeleteQrdlRequest, OperationName, QrdlRecord, QrdlTarget, UpdateQrdlRequest } from "./operations";
import { limiterFor } from "./rateLimit/limiters";
import { DEFAULT_RETRY_POLICY, RetryPolicy, backoffDelay, sleep } from "./retry";
import { ClientSettings, endpointUrl } from "./settings";
import { signRpcCall } from "./signer";
import { WireFailure, send } from "./transport";

/** Something that hears about each attempt, for logs and benchmarks; never given credentials. */
export type CallObserver = (event: { operation: OperationName; attempt: number; outcome: "ok" | "retry" | "error"; code?: string; delayMs?: number }) => void;

const API_VERSION = "2020-06-06";

/**
 * CAMS's four message-QR-code operations, signed like the vendor SDK and sent with a connect and a
 * read timeout of their own, under a rate limit shared by the machine's processes. A call whose
 * outcome is unknown (sent, then no usable answer) is retried only when idempotent (List, Delete);
 * for Create and Update the CamsError says `outcome: "unknown"` and the lifecycle reconciles.
 */
export class CamsClient {
  constructor(
    private readonly settings: ClientSettings,
    private readonly credentials: CredentialChain,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly observe: CallObserver = () => undefined,
  ) {}

  /** CreatePhoneMessageQrdl: a new code. Never sent twice by the client. */
  createQrdl(req: CreateQrdlRequest): Promise<QrdlRecord> {
    return this.call("CreatePhoneMessageQrdl", false, contentParams(req), (data) => changedQrdl(data, req));
  }

  /** UpdatePhoneMessageQrdl: new content for a code; the answer's QrdlCode is authoritative. Never sent twice by the client. */
  updateQrdl(req: UpdateQrdlRequest): Promise<QrdlRecord> {
    return this.call("UpdatePhoneMessageQrdl", false, { ...contentParams(req), QrdlCode: req.qrdlCode }, (data) => changedQrdl(data, req));
  }

  /** DeletePhoneMessageQrdl: idempotent, so every transient failure is retried. */
  async deleteQrdl(req: DeleteQrdlRequest): Promise<void> {
    await this.call("DeletePhoneMessageQrdl", true, { ...targetParams(req), QrdlCode: req.qrdlCode }, () => undefined);
  }

  /** ListPhoneMessageQrdl: every code of a phone number (in a space). */
  listQrdls(target: QrdlTarget): Promise<QrdlRecord[]> {
    return this.call("ListPhoneMessageQrdl", true, targetParams(target), (data) => listedQrdls(data, target));
  }

  private async call<T>(operation: OperationName, idempotent: boolean, params: Record<string, string>, read: DataReader<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(operation, params, read);
      if ("value" in result) {
        this.observe({ operation, attempt, outcome: "ok" });
        return result.value;
      }
      const { error, throttledBy } = result;
      const mayRetry = error.retryable && (idempotent || error.outcome === "refused");
      if (!mayRetry || attempt >= this.retry.maxAttempts) {
        this.observe({ operation, attempt, outcome: "error", code: error.code });
        throw (attempt > 1 ? error.afterAttempts(attempt, retriedHint(error, attempt)) : error).at(endpointUrl(this.settings));
      }
      if (isThrottling(error)) await throttledBy();
      const delayMs = backoffDelay(this.retry, attempt);
      this.observe({ operation, attempt, outcome: "retry", code: error.code, delayMs });
      await sleep(delayMs);
    }
  }

  /** One call on the wire, counted by the rate limit from before it is sent until after its answer. */
  private async attempt<T>(operation: OperationName, params: Record<string, string>, read: DataReader<T>): Promise<{ value: T } | { error: CamsError; throttledBy: () => Promise<void> }> {
    const credentials = await this.credentials.resolve();
    const host = this.settings.endpoint;
    const limiter = limiterFor(
      { endpoint: endpointUrl(this.settings), accessKeyId: credentials.accessKeyId },
      { maxPerWindow: this.settings.maxCallsPerSecond, maxCallMs: this.settings.connectTimeoutMs + this.settings.timeoutMs },
    );
    const permit = await limiter.acquire();
    let result: { value: T } | { error: CamsError };
    try {
      const request = signRpcCall({ action: operation, version: API_VERSION, protocol: this.settings.protocol, host, params }, credentials, "pulumi-cams");
      const answer = await send(request, { connectTimeoutMs: this.settings.connectTimeoutMs, readTimeoutMs: this.settings.timeoutMs });
      result = interpretAnswer(operation, answer, read);
    } catch (thrown) {
      if (!(thrown instanceof WireFailure)) throw thrown;
      result = { error: wireError(operation, thrown, endpointUrl(this.settings)) };
    } finally {
      await permit.release();
    }
    return "value" in result ? result : { error: result.error, throttledBy: () => limiter.throttled() };
  }
}

function targetParams(target: QrdlTarget): Record<string, string> {
  return { PhoneNumber: target.phoneNumber, ...(target.custSpaceId ? { CustSpaceId: target.custSpaceId } : {}) };
}

function contentParams(req: CreateQrdlRequest): Record<string, string> {
  return { ...targetParams(req), PrefilledMessage: req.prefilledMessage, GenerateQrImage: req.generateQrImage };
}

function retriedHint(error: CamsError, attempts: number): string | undefined {
  const retried = `retried ${attempts - 1} time(s) with exponential backoff`;
  return error.hint ? `${error.hint} (${retried})` : retried;
}
