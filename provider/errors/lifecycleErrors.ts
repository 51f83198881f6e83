import type { QrdlTarget } from "../client/operations";

/** The code a resource manages no longer exists in CAMS (deleted outside Pulumi). */
export class CodeVanishedError extends Error {
  override readonly name = "CodeVanishedError";
  readonly code = "QrdlCode.Vanished";

  constructor(readonly target: QrdlTarget, readonly qrdlCode: string) {
    super(
      `QR code ${qrdlCode} of phone number ${target.phoneNumber}${target.custSpaceId ? ` in space ${target.custSpaceId}` : ""} ` +
        "no longer exists in CAMS (it was deleted outside Pulumi). Run `pulumi refresh` to drop it from the state, then `pulumi up` to create a new one.",
    );
  }
}

/** A change that `invalidationPolicy: "deny"` forbids, raised while diffing so preview fails before anything happens. */
export class InvalidationDeniedError extends Error {
  override readonly name = "InvalidationDeniedError";
  readonly code = "InvalidationDenied";

  constructor(message: string) {
    super(message);
    // The provider host prints the stack of a failed diff; the message is the whole story.
    this.stack = message;
  }
}
