import type { QrdlContent, QrdlTarget } from "../client/operations";

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

/** A change that `invalidationPolicy: "deny"` forbids, raised while diffing a planned change so preview fails before anything happens. */
export class InvalidationDeniedError extends Error {
  override readonly name = "InvalidationDeniedError";
  readonly code = "InvalidationDenied";

  constructor(message: string) {
    super(message);
    // The provider host prints the error and its stack; the message is the whole story.
    this.stack = "";
  }
}

/** `adoptQrdlCode` names a code that does not exist, or whose content differs from the declaration. */
export class AdoptionError extends Error {
  override readonly name = "AdoptionError";

  private constructor(
    readonly code: "Adoption.NotFound" | "Adoption.Mismatch",
    message: string,
  ) {
    super(message);
  }

  /** The code to adopt is not among the number's codes. */
  static notFound(target: QrdlTarget, qrdlCode: string): AdoptionError {
    return new AdoptionError(
      "Adoption.NotFound",
      `adoptQrdlCode "${qrdlCode}" is not a code of phone number ${target.phoneNumber}${target.custSpaceId ? ` in space ${target.custSpaceId}` : ""}: ` +
        "check the code and custSpaceId (the console and ListPhoneMessageQrdl show them), or remove adoptQrdlCode to create a new code.",
    );
  }

  /** The live code's content differs from what the program declares; the values are not shown, as they may be secret. */
  static mismatch(qrdlCode: string, live: QrdlContent, declared: QrdlContent): AdoptionError {
    const differing = (["prefilledMessage", "generateQrImage"] as const).filter((p) => live[p] !== declared[p]);
    return new AdoptionError(
      "Adoption.Mismatch",
      `the live ${differing.join(" and ")} of code ${qrdlCode} differ${differing.length > 1 ? "" : "s"} from the program's (the CAMS console and ListPhoneMessageQrdl show the live values). ` +
        "Adopting changes nothing, so printed copies keep working: declare the live values, run `pulumi up`, then change them in a later update (where invalidationPolicy applies).",
    );
  }
}
