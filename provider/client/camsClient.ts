import * as $Cams from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import { CamsError } from "../errors/camsError";
import { classifySdkError, serviceError } from "../errors/classify";
import { CredentialChain } from "./credentials";
import {
  CreateQrdlRequest,
  DeleteQrdlRequest,
  OperationName,
  QrdlRecord,
  QrdlTarget,
  QrImageFormat,
  UpdateQrdlRequest,
} from "./operations";
import { limiterFor } from "./rateLimiter";
import { DEFAULT_RETRY_POLICY, RetryPolicy, backoffDelay, sleep } from "./retry";
import { CamsSdk } from "./camsSdk";
import { ClientSettings, endpointUrl } from "./settings";

/** The body fields every CAMS answer carries, as the SDK models them. */
interface AnswerBody {
  code?: string;
  message?: string;
  requestId?: string;
  accessDeniedDetail?: string;
}

/** The SDK's model of one code (`Data` of Create/Update, an item of List). */
interface WireQrdl {
  qrImageUrl?: string;
  phoneNumber?: string;
  qrdlCode?: string;
  deepLinkUrl?: string;
  generateQrImage?: string;
  prefilledMessage?: string;
}

/** Something that hears about each attempt, for logs and benchmarks; never given credentials. */
export type CallObserver = (event: { operation: OperationName; attempt: number; outcome: "ok" | "retry" | "error"; code?: string; delayMs?: number }) => void;

/**
 * CAMS's four message-QR-code operations over the vendor SDK, with a shared rate limit and
 * retries for throttling. Calls whose outcome is unknown are retried only when idempotent;
 * otherwise the CamsError says `outcomeUnknown` and the caller reconciles.
 */
export class CamsClient {
  private sdk?: CamsSdk;

  constructor(
    private readonly settings: ClientSettings,
    private readonly credentials: CredentialChain,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly observe: CallObserver = () => undefined,
  ) {}

  /** CreatePhoneMessageQrdl: a new code. Not retried once the request may have been carried out. */
  async createQrdl(req: CreateQrdlRequest): Promise<QrdlRecord> {
    const body = await this.call("CreatePhoneMessageQrdl", false, (sdk, rt) =>
      sdk.createPhoneMessageQrdlWithOptions(new $Cams.CreatePhoneMessageQrdlRequest(wireRequest(req)), rt),
    );
    return toRecord("CreatePhoneMessageQrdl", body.data);
  }

  /** UpdatePhoneMessageQrdl: new content for a code; the answer's QrdlCode is authoritative. */
  async updateQrdl(req: UpdateQrdlRequest): Promise<QrdlRecord> {
    const body = await this.call("UpdatePhoneMessageQrdl", false, (sdk, rt) =>
      sdk.updatePhoneMessageQrdlWithOptions(new $Cams.UpdatePhoneMessageQrdlRequest({ ...wireRequest(req), qrdlCode: req.qrdlCode }), rt),
    );
    return toRecord("UpdatePhoneMessageQrdl", body.data);
  }

  /** DeletePhoneMessageQrdl: idempotent, so every transient failure is retried. */
  async deleteQrdl(req: DeleteQrdlRequest): Promise<void> {
    await this.call("DeletePhoneMessageQrdl", true, (sdk, rt) =>
      sdk.deletePhoneMessageQrdlWithOptions(
        new $Cams.DeletePhoneMessageQrdlRequest({ phoneNumber: req.phoneNumber, qrdlCode: req.qrdlCode, custSpaceId: req.custSpaceId }),
        rt,
      ),
    );
  }

  /** ListPhoneMessageQrdl: every code of a phone number (in a space). */
  async listQrdls(target: QrdlTarget): Promise<QrdlRecord[]> {
    const body = await this.call("ListPhoneMessageQrdl", true, (sdk, rt) =>
      sdk.listPhoneMessageQrdlWithOptions(new $Cams.ListPhoneMessageQrdlRequest({ phoneNumber: target.phoneNumber, custSpaceId: target.custSpaceId }), rt),
    );
    return (body.data ?? []).map((item) => toRecord("ListPhoneMessageQrdl", item));
  }

  private async call<B extends AnswerBody>(
    operation: OperationName,
    idempotent: boolean,
    send: (sdk: CamsSdk, runtime: $Util.RuntimeOptions) => Promise<{ statusCode?: number; body?: B }>,
  ): Promise<B> {
    for (let attempt = 1; ; attempt++) {
      const { accessKeyId } = await this.credentials.resolve();
      const limiter = limiterFor(accessKeyId, this.settings.maxCallsPerSecond);
      await limiter.acquire();
      let error: CamsError;
      try {
        const answer = await send(this.client(), this.runtime());
        const body = answer.body;
        if (body && body.code === "OK") {
          this.observe({ operation, attempt, outcome: "ok" });
          return body;
        }
        error = serviceError(operation, {
          code: body?.code ?? "InvalidResponse",
          message: body?.message ?? "the answer carried no Code",
          requestId: body?.requestId,
          httpStatus: answer.statusCode ?? 200,
          accessDeniedDetail: body?.accessDeniedDetail,
        });
      } catch (thrown) {
        error = classifySdkError(operation, thrown, endpointUrl(this.settings));
      }
      const mayRetry = error.retryable && (idempotent || !error.outcomeUnknown);
      if (!mayRetry || attempt >= this.retry.maxAttempts) {
        this.observe({ operation, attempt, outcome: "error", code: error.code });
        throw (attempt > 1 ? error.afterAttempts(attempt, retriedHint(error, attempt)) : error).at(endpointUrl(this.settings));
      }
      if (error.code === "System.LimitControl" || error.code.startsWith("Throttling")) limiter.penalise();
      const delayMs = backoffDelay(this.retry, attempt);
      this.observe({ operation, attempt, outcome: "retry", code: error.code, delayMs });
      await sleep(delayMs);
    }
  }

  private client(): CamsSdk {
    this.sdk ??= new CamsSdk(
      new $OpenApi.Config({
        credential: this.credentials.asSdkCredential(),
        regionId: this.settings.regionId,
        endpoint: this.settings.endpoint,
        protocol: this.settings.protocol,
        readTimeout: this.settings.timeoutMs,
        connectTimeout: Math.min(this.settings.timeoutMs, 5000),
        userAgent: "pulumi-cams",
      }),
    );
    return this.sdk;
  }

  private runtime(): $Util.RuntimeOptions {
    // Retries are ours: the SDK's own would resend calls whose outcome is unknown.
    return new $Util.RuntimeOptions({ autoretry: false, maxAttempts: 1 });
  }
}

function wireRequest(req: CreateQrdlRequest): { phoneNumber: string; prefilledMessage: string; generateQrImage: string; custSpaceId?: string } {
  return { phoneNumber: req.phoneNumber, prefilledMessage: req.prefilledMessage, generateQrImage: req.generateQrImage, custSpaceId: req.custSpaceId };
}

function toRecord(operation: OperationName, wire: WireQrdl | undefined): QrdlRecord {
  if (!wire?.qrdlCode || !wire.phoneNumber) {
    throw new CamsError({ code: "InvalidResponse", serviceMessage: "the answer carried no QrdlCode", operation, retryable: false });
  }
  return {
    phoneNumber: wire.phoneNumber,
    // The vendor's own example answers with a trailing newline in QrdlCode.
    qrdlCode: wire.qrdlCode.trim(),
    prefilledMessage: wire.prefilledMessage ?? "",
    generateQrImage: (wire.generateQrImage?.toUpperCase() === "SVG" ? "SVG" : "PNG") as QrImageFormat,
    deepLinkUrl: wire.deepLinkUrl ?? "",
    qrImageUrl: wire.qrImageUrl ?? "",
  };
}

function retriedHint(error: CamsError, attempts: number): string | undefined {
  const retried = `retried ${attempts - 1} time(s) with exponential backoff`;
  return error.hint ? `${error.hint} (${retried})` : retried;
}
