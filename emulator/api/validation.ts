import { invalidParameter, missingParameter } from "../errors";
import type { Params } from "../http/form";
import type { QrImageFormat } from "../records";
import type { QrdlScope } from "../state/store";
import type { Action } from "./actions";

/** Meta's limit on a prefilled message, in characters (Unicode code points). */
export const MAX_PREFILLED_MESSAGE_CHARS = 140;

/** The validated input of one operation. */
export type OperationInput =
  | { action: "CreatePhoneMessageQrdl"; scope: QrdlScope; generateQrImage: QrImageFormat; prefilledMessage: string }
  | {
      action: "UpdatePhoneMessageQrdl";
      scope: QrdlScope;
      qrdlCode: string;
      generateQrImage: QrImageFormat;
      prefilledMessage: string;
    }
  | { action: "DeletePhoneMessageQrdl"; scope: QrdlScope; qrdlCode: string }
  | { action: "ListPhoneMessageQrdl"; scope: QrdlScope };

const REQUIRED: Record<Action, readonly string[]> = {
  CreatePhoneMessageQrdl: ["PhoneNumber", "GenerateQrImage", "PrefilledMessage"],
  UpdatePhoneMessageQrdl: ["PhoneNumber", "GenerateQrImage", "PrefilledMessage", "QrdlCode"],
  DeletePhoneMessageQrdl: ["PhoneNumber", "QrdlCode"],
  ListPhoneMessageQrdl: ["PhoneNumber"],
};

/** Checks an operation's parameters: an absent one is MissingParameter, a bad one InvalidParameter naming it. */
export function parseInput(action: Action, params: Params): OperationInput {
  for (const name of REQUIRED[action]) if (!params.has(name)) throw missingParameter(name);
  const scope = parseScope(params);
  const get = (name: string): string => params.get(name) ?? "";
  switch (action) {
    case "CreatePhoneMessageQrdl":
      return { action, scope, ...parseContent(get) };
    case "UpdatePhoneMessageQrdl":
      return { action, scope, ...parseContent(get), qrdlCode: parseQrdlCode(get("QrdlCode")) };
    case "DeletePhoneMessageQrdl":
      return { action, scope, qrdlCode: parseQrdlCode(get("QrdlCode")) };
    case "ListPhoneMessageQrdl":
      return { action, scope };
  }
}

/** Checks a prefilled message against Meta's rule; undefined when it is acceptable, else the reason. */
export function prefilledMessageProblem(message: string): string | undefined {
  const length = [...message].length;
  if (length === 0) return "it must not be empty";
  if (length > MAX_PREFILLED_MESSAGE_CHARS) {
    return `it has ${length} characters, more than the ${MAX_PREFILLED_MESSAGE_CHARS} allowed`;
  }
  return undefined;
}

/** Whether a string names an image format CAMS renders. */
export function isQrImageFormat(value: string): value is QrImageFormat {
  return value === "PNG" || value === "SVG";
}

function parseScope(params: Params): QrdlScope {
  const phoneNumber = params.get("PhoneNumber") ?? "";
  if (!/^\d{6,20}$/.test(phoneNumber)) {
    throw invalidParameter("PhoneNumber", "it must be 6 to 20 digits, country code first, without + or spaces");
  }
  // An empty CustSpaceId names no space, so it scopes the same codes as leaving it out.
  const custSpaceId = params.get("CustSpaceId") || undefined;
  if (custSpaceId !== undefined && !/^[\x21-\x7e]{1,64}$/.test(custSpaceId)) {
    throw invalidParameter("CustSpaceId", "it must be at most 64 printable ASCII characters");
  }
  return custSpaceId === undefined ? { phoneNumber } : { phoneNumber, custSpaceId };
}

function parseContent(get: (name: string) => string): { generateQrImage: QrImageFormat; prefilledMessage: string } {
  const generateQrImage = get("GenerateQrImage");
  if (!isQrImageFormat(generateQrImage)) throw invalidParameter("GenerateQrImage", "it must be PNG or SVG");
  const prefilledMessage = get("PrefilledMessage");
  const problem = prefilledMessageProblem(prefilledMessage);
  if (problem) throw invalidParameter("PrefilledMessage", problem);
  return { generateQrImage, prefilledMessage };
}

function parseQrdlCode(qrdlCode: string): string {
  if (!/^[A-Za-z0-9]{1,64}$/.test(qrdlCode)) {
    throw invalidParameter("QrdlCode", "it must be the alphanumeric code CreatePhoneMessageQrdl returned");
  }
  return qrdlCode;
}
