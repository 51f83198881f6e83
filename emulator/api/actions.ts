import type { SignatureScheme } from "../auth/authenticate";
import { ApiError, ErrorCodes, missingParameter } from "../errors";
import { header, type ApiRequest } from "../http/apiRequest";
import type { Params } from "../http/form";

/** The CAMS API version the emulator serves. */
export const API_VERSION = "2020-06-06";

/** The operations the emulator serves. */
export const ACTIONS = [
  "CreatePhoneMessageQrdl",
  "UpdatePhoneMessageQrdl",
  "DeletePhoneMessageQrdl",
  "ListPhoneMessageQrdl",
] as const;

/** One of {@link ACTIONS}. */
export type Action = (typeof ACTIONS)[number];

/** The RAM action that authorizes an operation. */
export function ramAction(action: Action): string {
  return `cams:${action}`;
}

/** The action a request asks for: V3 signs it as x-acs-action, the RPC scheme as the Action parameter. */
export function requestedAction(req: ApiRequest, scheme: SignatureScheme, params: Params): string | undefined {
  if (scheme === "acs3") return header(req, "x-acs-action");
  if (scheme === "hmacSha1") return params.get("Action");
  return header(req, "x-acs-action") ?? params.get("Action");
}

/** Finds the API a request calls, the gateway's first step: the version must be 2020-06-06 and the action one of ours. */
export function resolveAction(req: ApiRequest, scheme: SignatureScheme, params: Params): Action {
  const v3 = scheme === "acs3";
  const version = v3 ? header(req, "x-acs-version") : (params.get("Version") ?? header(req, "x-acs-version"));
  if (version === undefined || version === "") throw missingParameter(v3 ? "x-acs-version" : "Version");
  if (version !== API_VERSION) {
    throw new ApiError(ErrorCodes.InvalidVersion, 400, `Specified parameter Version "${version}" is not valid; CAMS serves ${API_VERSION}.`);
  }
  const action = requestedAction(req, scheme, params);
  if (action === undefined || action === "") throw missingParameter(v3 ? "x-acs-action" : "Action");
  const known = ACTIONS.find((a) => a === action);
  if (!known) {
    throw new ApiError(ErrorCodes.InvalidActionNotFound, 404, `Specified api "${action}" is not found, please check your url and method.`);
  }
  return known;
}
