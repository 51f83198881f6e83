import type { EmulatorBehaviour } from "../behaviour";
import { ApiError, ErrorCodes } from "../errors";
import type { QrdlScope } from "../state/store";
import { ramAction, type Action } from "./actions";

/** Refuses the call as CAMS would before touching a code: RAM permission, then subscription, then ownership. */
export function checkServiceAccess(action: Action, scope: QrdlScope, accessKeyId: string, behaviour: EmulatorBehaviour): void {
  const authAction = ramAction(action);
  if (behaviour.deniedActions.includes(authAction)) {
    throw new ApiError(
      ErrorCodes.RamPermissionDeny,
      400,
      "You are not authorized to perform the operation.",
      true,
      accessDeniedDetail(authAction, accessKeyId),
    );
  }
  if (behaviour.unsubscribed) {
    throw new ApiError(ErrorCodes.ProductUnsubscript, 400, "You have not subscribed to the specified product.", true);
  }
  const ownsNumber = behaviour.ownedPhoneNumbers?.includes(scope.phoneNumber) ?? true;
  const ownsSpace = scope.custSpaceId === undefined || (behaviour.ownedSpaceIds?.includes(scope.custSpaceId) ?? true);
  if (!ownsNumber || !ownsSpace) {
    throw new ApiError(ErrorCodes.UnknownResourceOwnerId, 400, "The resource does not belong to the current user.", true);
  }
}

// Shaped like the real AccessDeniedDetail: a JSON string a client is expected to show, not parse.
function accessDeniedDetail(authAction: string, accessKeyId: string): string {
  return JSON.stringify({
    AuthAction: authAction,
    AuthPrincipalType: "SubUser",
    AuthPrincipalDisplayName: accessKeyId,
    NoPermissionType: "ImplicitDeny",
    PolicyType: "AccountLevelIdentityBasedPolicy",
    EncodedDiagnosticMessage: Buffer.from(JSON.stringify({ authAction, accessKeyId, emulator: true })).toString("base64"),
  });
}
