import { z } from "zod";
import { readPhoneNumber } from "./phoneNumber";

/** What happens when a change would make already printed copies of a code stop working. */
export type InvalidationPolicy = "update" | "replace" | "deny";

/** The invalidation policies, in the order the docs present them. */
export const INVALIDATION_POLICIES: readonly InvalidationPolicy[] = ["update", "replace", "deny"];

/** WhatsApp's (Meta's) limit on a prefilled message, in characters. */
export const MAX_PREFILLED_MESSAGE_LENGTH = 140;

/** Validated, normalised inputs as the provider stores them. */
export interface QrdlInputs {
  /** Digits only, country code first. */
  phoneNumber: string;
  prefilledMessage: string;
  generateQrImage: "PNG" | "SVG";
  custSpaceId?: string;
  invalidationPolicy: InvalidationPolicy;
  /** On create, take over this existing code instead of creating one (adoption without `import`). */
  adoptQrdlCode?: string;
}

const EXAMPLE_PHONE = `"8615800000000" or "+86 158-0000-0000"`;

/** A short rendering of any value for an error message; never throws (BigInt, cycles). */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(typeof value);
  }
}

/** A value as written, escaped (a line break shows as \\n) and cut to a readable length. */
function excerpt(text: string): string {
  const chars = [...text];
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : text);
}

/** "x is required: …" when absent, "x must be a string, got …: …" when of another type. */
function missingOrWrongType(property: string, fix: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `${property} is required: ${fix}` : `${property} must be a string, got ${typeof issue.input} ${shown(issue.input)}: ${fix}`;
}

/** Half of a UTF-16 surrogate pair, e.g. an emoji cut in two by `.slice`: it cannot be sent. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const phoneNumber = z
  .string({ error: missingOrWrongType("phoneNumber", `set it to the WhatsApp business number, country code first, e.g. ${EXAMPLE_PHONE}`) })
  .transform((written, ctx) => {
    const reading = readPhoneNumber(written);
    if (reading.digits !== undefined) return reading.digits;
    ctx.addIssue({ code: "custom", message: `phoneNumber ${excerpt(written)} is not a phone number: ${reading.problem}. Use the business number, country code first, e.g. ${EXAMPLE_PHONE}` });
    return z.NEVER;
  });

const prefilledMessage = z
  .string({ error: missingOrWrongType("prefilledMessage", `set it to the text WhatsApp pre-fills for the customer (1 to ${MAX_PREFILLED_MESSAGE_LENGTH} characters)`) })
  .superRefine((text, ctx) => {
    const length = [...text].length;
    if (text.trim() === "") ctx.addIssue({ code: "custom", message: "prefilledMessage is empty: write the text the customer will send (1 to 140 characters)" });
    else if (length > MAX_PREFILLED_MESSAGE_LENGTH)
      ctx.addIssue({ code: "custom", message: `prefilledMessage has ${length} characters; WhatsApp allows at most ${MAX_PREFILLED_MESSAGE_LENGTH}: shorten it by ${length - MAX_PREFILLED_MESSAGE_LENGTH}` });
    else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
      ctx.addIssue({ code: "custom", message: "prefilledMessage contains control characters: remove them (line breaks and tabs are fine)" });
    else if (LONE_SURROGATE.test(text))
      ctx.addIssue({ code: "custom", message: "prefilledMessage contains a broken character (half of an emoji, often from cutting text): remove it or keep the whole character" });
  });

const generateQrImage = z
  .string({ error: `generateQrImage must be "PNG" or "SVG"` })
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(["PNG", "SVG"], { error: (issue) => `generateQrImage must be "PNG" or "SVG", got "${String(issue.input)}"` }))
  .default("PNG");

const custSpaceId = z
  .string({ error: "custSpaceId must be a string: the ISV sub-customer's SpaceId or the instance id, from the CAMS console's Channel Management page" })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, {
    error: (issue) => `custSpaceId "${String(issue.input)}" is not a space id: use letters, digits, "-" and "_" only (1 to 64), as shown on the CAMS console's Channel Management page, or leave it out`,
  })
  .optional();

const invalidationPolicy = z
  .enum(["update", "replace", "deny"], {
    error: (issue) => `invalidationPolicy must be "update", "replace" or "deny", got ${shown(issue.input)}: see the README's "Invalidation policy" section`,
  })
  .default("update");

const adoptQrdlCode = z
  .string({ error: "adoptQrdlCode must be a string: the QrdlCode of an existing code to take over, as CAMS lists it" })
  .regex(/^[A-Za-z0-9]{4,64}$/, {
    error: (issue) => `adoptQrdlCode "${String(issue.input)}" is not a QrdlCode: use the letters and digits CAMS lists for the code (e.g. "4X5ZJ3W2KQ7UA"), or leave it out to create a new code`,
  })
  .optional();

/** The schema of a PhoneMessageQrdl's inputs; unknown properties are rejected by name. @internal zod stays out of the published declarations. */
export const qrdlInputsSchema = z.strictObject(
  { phoneNumber, prefilledMessage, generateQrImage, custSpaceId, invalidationPolicy, adoptQrdlCode },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown propert${issue.keys.length > 1 ? "ies" : "y"} ${issue.keys.map((k) => `"${k}"`).join(", ")}: PhoneMessageQrdl takes phoneNumber, prefilledMessage, generateQrImage, custSpaceId, invalidationPolicy and adoptQrdlCode`
        : "the inputs must be an object",
  },
);

/** The input property names a user may set. */
export const INPUT_PROPERTIES = Object.keys(qrdlInputsSchema.shape) as Array<keyof QrdlInputs>;
