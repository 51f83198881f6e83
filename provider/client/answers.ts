import type { QrdlContent, QrdlRecord, QrdlTarget, QrImageFormat } from "./operations";

/** The envelope every CAMS answer carries; `data` is left raw until an operation reads what it needs. */
export interface Answer {
  code: string;
  message: string;
  requestId?: string;
  accessDeniedDetail?: string;
  data: unknown;
}

/** An answer body whose part an operation needs is missing or not understood; `reason` says which. */
export interface Unusable {
  unusable: string;
}

/** The envelope of a JSON answer, or undefined when the text is not one (no JSON object, or no Code). */
export function readAnswer(text: string): Answer | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const code = textField(body, "Code");
  if (code === undefined) return undefined;
  return {
    code,
    message: textField(body, "Message") ?? "",
    requestId: textField(body, "RequestId"),
    accessDeniedDetail: textField(body, "AccessDeniedDetail"),
    data: field(body, "Data"),
  };
}

/** Whether the envelope reports success; CAMS spells it "OK". */
export function isSuccess(answer: Answer): boolean {
  return answer.code.toUpperCase() === "OK";
}

/**
 * The code a Create or Update made, from the answer's Data. Only QrdlCode is indispensable: what the
 * request itself said (phone number, message, format) fills what the answer leaves out.
 */
export function changedQrdl(data: unknown, request: QrdlTarget & QrdlContent): QrdlRecord | Unusable {
  const qrdlCode = textField(data, "QrdlCode");
  if (!qrdlCode) return { unusable: "the answer carried no QrdlCode" };
  const format = formatField(data);
  if (format === null) return { unusable: `the answer's GenerateQrImage ${JSON.stringify(field(data, "GenerateQrImage"))} is neither PNG nor SVG` };
  return {
    phoneNumber: textField(data, "PhoneNumber") ?? request.phoneNumber,
    qrdlCode,
    prefilledMessage: rawText(data, "PrefilledMessage") ?? request.prefilledMessage,
    generateQrImage: format ?? request.generateQrImage,
    deepLinkUrl: textField(data, "DeepLinkUrl") ?? deepLinkOf(qrdlCode),
    qrImageUrl: textField(data, "QrImageUrl") ?? "",
  };
}

/** Every code of a listing; each needs its QrdlCode, message and format, which reconciling compares. */
export function listedQrdls(data: unknown, target: QrdlTarget): QrdlRecord[] | Unusable {
  if (data === undefined || data === null) return [];
  if (!Array.isArray(data)) return { unusable: "the listing's Data is not a list" };
  const records: QrdlRecord[] = [];
  for (const item of data) {
    const qrdlCode = textField(item, "QrdlCode");
    const prefilledMessage = rawText(item, "PrefilledMessage");
    const format = formatField(item);
    if (!qrdlCode || prefilledMessage === undefined || !format) {
      return { unusable: `a listed code lacks a usable QrdlCode, PrefilledMessage or GenerateQrImage (${qrdlCode ?? "no code"})` };
    }
    records.push({
      phoneNumber: textField(item, "PhoneNumber") ?? target.phoneNumber,
      qrdlCode,
      prefilledMessage,
      generateQrImage: format,
      deepLinkUrl: textField(item, "DeepLinkUrl") ?? deepLinkOf(qrdlCode),
      qrImageUrl: textField(item, "QrImageUrl") ?? "",
    });
  }
  return records;
}

/** The image format CAMS names, in any case and spacing; null when it names another, undefined when absent. */
export function parseImageFormat(raw: unknown): QrImageFormat | null | undefined {
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  const upper = raw.trim().toUpperCase();
  return upper === "PNG" || upper === "SVG" ? upper : null;
}

function formatField(data: unknown): QrImageFormat | null | undefined {
  return parseImageFormat(field(data, "GenerateQrImage"));
}

// Meta's documented deep link form, used when an answer leaves DeepLinkUrl out.
function deepLinkOf(qrdlCode: string): string {
  return `https://wa.me/message/${qrdlCode}`;
}

/** A field by its documented name, or the same name starting lower-case as some gateways send it. */
function field(obj: unknown, name: string): unknown {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return undefined;
  const record = obj as Record<string, unknown>;
  return name in record ? record[name] : record[name[0].toLowerCase() + name.slice(1)];
}

/** A text field without surrounding whitespace (the vendor's own example ends QrdlCode with a newline). */
function textField(obj: unknown, name: string): string | undefined {
  const value = field(obj, name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** A text field exactly as sent: the message is the user's, spaces included. */
function rawText(obj: unknown, name: string): string | undefined {
  const value = field(obj, name);
  return typeof value === "string" ? value : undefined;
}
