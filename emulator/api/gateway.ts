import { authenticate, claimedAccessKeyId, signatureScheme, type SignatureScheme } from "../auth/authenticate";
import type { EmulatorBehaviour } from "../behaviour";
import type { CredentialStore } from "../credentials";
import { ApiError, ErrorCodes, limitControl } from "../errors";
import type { FaultDice } from "../faults";
import { allParams, type ApiRequest } from "../http/apiRequest";
import type { Params } from "../http/form";
import { newRequestId } from "../ids";
import type { SlidingWindowLimiter } from "../limits";
import type { CallRecord } from "../records";
import { StateLockTimeoutError } from "../state/fileLock";
import { StateFileError } from "../state/stateFile";
import type { QrdlStore } from "../state/store";
import { requestedAction, resolveAction } from "./actions";
import { runOperation, type QrdlData } from "./operations";
import { errorResponse, successBody } from "./responses";
import { checkServiceAccess } from "./serviceChecks";
import { parseInput } from "./validation";

/** Everything the gateway consults to answer an API call. */
export interface GatewayDeps {
  store: QrdlStore;
  behaviour: () => EmulatorBehaviour;
  credentials: CredentialStore;
  limiter: SlidingWindowLimiter;
  dice: FaultDice;
  clock: () => number;
  publicBaseUrl: string;
  hostId: string;
}

/** How to answer one API call, and what to record about it. */
export interface ApiOutcome {
  httpStatus: number;
  body: Record<string, unknown>;
  /** The change is committed; destroy the connection instead of answering (fault `dropAfterCommitRate`). */
  drop: boolean;
  call: CallRecord;
}

// Signature material and common parameters, left out of the call log so it shows what the operation got.
const COMMON_PARAMS = new Set([
  "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
  "SignatureNonce", "SignatureType", "Timestamp", "SecurityToken", "BearerToken",
]);

/** Answers an API call that arrived intact (protocol-level failures are answered by the server). */
export function handleApiCall(req: ApiRequest, deps: GatewayDeps): ApiOutcome {
  const now = deps.clock();
  const requestId = newRequestId();
  const params = allParams(req);
  const scheme = signatureScheme(req, params);
  const caller: Caller = {};
  // An unauthenticated request's parameters are anyone's junk: only a verified caller's are recorded.
  const called = () => ({
    at: now,
    action: requestedAction(req, scheme, params) ?? "",
    accessKeyId: caller.verified ?? claimedAccessKeyId(req, scheme, params),
    authenticated: caller.verified !== undefined,
    requestId,
    params: caller.verified === undefined ? {} : Object.fromEntries([...params].filter(([name]) => !COMMON_PARAMS.has(name))),
  });
  const behaviour = deps.behaviour();
  try {
    const data = deps.store.transaction(() => serve(req, scheme, params, behaviour, deps, now, caller));
    const drop = deps.dice.roll(behaviour.faults.dropAfterCommitRate);
    const httpStatus = drop ? 0 : 200;
    return { httpStatus, body: successBody(requestId, data), drop, call: { ...called(), httpStatus, code: "OK" } };
  } catch (thrown) {
    const error = asApiError(thrown);
    const { httpStatus, body } = errorResponse(error, requestId, deps.hostId, behaviour.businessErrorsAsHttp200);
    return { httpStatus, body, drop: false, call: { ...called(), httpStatus, code: error.code } };
  }
}

// Filled in once the signature is verified.
interface Caller {
  verified?: string;
}

// A state file that cannot be used is the emulator's failure, answered like the service's own, with a RequestId.
function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StateFileError) return new ApiError(ErrorCodes.InternalError, 500, error.message);
  if (error instanceof StateLockTimeoutError) return new ApiError(ErrorCodes.ServiceUnavailable, 503, error.message);
  throw error;
}

/**
 * The checks in the order a gateway and the service behind it apply them, so a request failing several
 * gets the answer the real one would: (1) API lookup: version, action; (2) authentication; (3) flow
 * control per AccessKeyId, then injected throttling; (4) injected 500/503, before anything changes;
 * (5) parameter validation; (6) RAM permission, subscription, ownership; (7) the operation, committed
 * and persisted. It all runs in one state transaction, so another emulator process's changes count and none is lost.
 */
function serve(
  req: ApiRequest,
  scheme: SignatureScheme,
  params: Params,
  behaviour: EmulatorBehaviour,
  deps: GatewayDeps,
  now: number,
  caller: Caller,
): QrdlData | QrdlData[] | undefined {
  const action = resolveAction(req, scheme, params);
  const accessKeyId = authenticate(req, scheme, params, { credentials: deps.credentials, nonces: deps.store, now });
  caller.verified = accessKeyId;
  const admitted = deps.limiter.tryAdmit(accessKeyId, behaviour.qpsPerAccessKey, now);
  if (!admitted || deps.dice.roll(behaviour.faults.throttleRate)) throw limitControl();
  const fault = deps.dice.serverError(behaviour.faults);
  if (fault) throw fault;
  const input = parseInput(action, params);
  checkServiceAccess(action, input.scope, accessKeyId, behaviour);
  return runOperation(input, {
    store: deps.store,
    behaviour,
    publicBaseUrl: deps.publicBaseUrl,
    now: new Date(now).toISOString(),
  });
}
