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

/** A change that `invalidationPolicy: "deny"` forbids, raised while diffing so preview fails before anything happens. */
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
    readonly code: "Adoption.NotFound" | "Adoption.Mismatch" | "Adoption.Claimed",
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

  /** The code is held by another resource: of this program, or of another stack applying on this machine. */
  static claimed(target: QrdlTarget, qrdlCode: string): AdoptionError {
    return new AdoptionError(
      "Adoption.Claimed",
      `adoptQrdlCode "${qrdlCode}" of phone number ${where(target)} is already held by another resource (of this program, or of another stack ` +
        "applying on this machine): two resources must never own one code, or deleting one breaks the other. Adopt each code in one resource only; " +
        "to move a code between resources, set retainOnDelete on the old one and remove it first (docs/adopting.md).",
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

/**
 * A change whose answer was lost, after which more codes with the declared content appeared on the
 * number than this machine's lost changes can account for: some may be another stack's or the
 * console's, so none was adopted. Names the codes, never the content (it may be secret).
 */
export class AmbiguousOutcomeError extends Error {
  override readonly name = "AmbiguousOutcomeError";
  readonly code = "Outcome.Ambiguous";

  constructor(readonly operation: string, readonly target: QrdlTarget, readonly candidates: string[]) {
    super(
      `${operation} on phone number ${where(target)} got no answer, and ${candidates.length} codes with the declared prefilledMessage and ` +
        `generateQrImage appeared on the number meanwhile: ${candidates.join(", ")}. One may be this resource's; the others belong to another ` +
        "stack, job or console user who made the same content at the same time, so none was adopted. Ask who else manages codes on this number " +
        "which are theirs, declare yours with adoptQrdlCode (docs/adopting.md) and run `pulumi up` again; delete a code no one claims.",
    );
  }
}

/**
 * An update whose outcome could not be settled (its answer and the listing after it were lost).
 * Thrown with `id` and `properties`, so the engine records the pending update in the state and the
 * next `pulumi up` or `pulumi refresh` settles it instead of losing the code CAMS may have issued.
 */
export class PendingUpdateError extends Error {
  override readonly name = "PendingUpdateError";
  readonly code = "Update.Pending";

  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    qrdlCode: string,
    cause: { code?: string; message: string },
  ) {
    super(
      `UpdatePhoneMessageQrdl of QR code ${qrdlCode} got no answer and its outcome could not be checked (${cause.code ?? "error"}). ` +
        "The state records the update as pending: the next `pulumi up` or `pulumi refresh` finds the code CAMS holds for this resource now, " +
        "without creating or orphaning one.",
    );
  }

  /** Reasons the engine shows for a partially applied resource. */
  get reasons(): string[] {
    return [this.message];
  }
}

function where(target: QrdlTarget): string {
  return `${target.phoneNumber}${target.custSpaceId ? ` in space ${target.custSpaceId}` : ""}`;
}
