import { z } from "zod";
import { prefilledMessageProblem } from "./api/validation";
import type { QrImageFormat, StoredQrdl } from "./records";

/** An edit made behind the API's back, as someone in the console would, to let tests provoke drift. */
export interface CodePatch {
  prefilledMessage?: string;
  generateQrImage?: QrImageFormat;
}

const codePatchSchema = z.strictObject({
  prefilledMessage: z
    .string()
    .refine((m) => prefilledMessageProblem(m) === undefined, { message: "must be 1 to 140 characters" })
    .optional(),
  generateQrImage: z.enum(["PNG", "SVG"]).optional(),
});

/** Thrown when an out-of-band edit or delete names a code the phone number does not have. */
export class UnknownCodeError extends Error {
  constructor(phoneNumber: string, qrdlCode: string) {
    super(`The phone number ${phoneNumber} has no message QR code ${qrdlCode}.`);
    this.name = "UnknownCodeError";
  }
}

/** Thrown when an out-of-band edit would store what the API itself refuses. */
export class InvalidCodePatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidCodePatchError";
  }
}

/** The code after an out-of-band edit; the QrdlCode stays, as an edit in the console keeps it. */
export function patchedCode(stored: StoredQrdl, patch: unknown, now: string): StoredQrdl {
  const parsed = codePatchSchema.safeParse(patch);
  if (!parsed.success) throw new InvalidCodePatchError(`Invalid code edit:\n${z.prettifyError(parsed.error)}`);
  return { ...stored, ...parsed.data, updatedAt: now };
}
