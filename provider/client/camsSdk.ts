import Cams from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";

/** An answer body that reports a failure: a `Code` other than "OK". */
interface FailureBody {
  Code: string;
  Message?: unknown;
  RequestId?: unknown;
  AccessDeniedDetail?: unknown;
}

function isFailure(body: unknown): body is FailureBody {
  return typeof body === "object" && body !== null && typeof (body as FailureBody).Code === "string" && (body as FailureBody).Code !== "OK";
}

/**
 * The vendor SDK, except that a failure in an HTTP 200 body is thrown the way the SDK throws a 4xx
 * (`code`, `data` = the body with its `statusCode`): the SDK's response models would drop its
 * `AccessDeniedDetail`, and every failure then reaches the same classifier.
 */
export class CamsSdk extends Cams {
  override async callApi(params: $OpenApi.Params, request: $OpenApi.OpenApiRequest, runtime: $Util.RuntimeOptions): Promise<{ [key: string]: any }> {
    const answer = await super.callApi(params, request, runtime);
    const body: unknown = answer?.body;
    if (isFailure(body)) {
      throw Object.assign(new Error(`${body.Code} in an HTTP ${answer.statusCode} body`), { code: body.Code, data: { ...body, statusCode: answer.statusCode } });
    }
    return answer;
  }
}
