/** The four CAMS operations this package calls. */
export type OperationName =
  | "CreatePhoneMessageQrdl"
  | "UpdatePhoneMessageQrdl"
  | "DeletePhoneMessageQrdl"
  | "ListPhoneMessageQrdl";

/** The RAM action a caller needs for an operation, e.g. `cams:UpdatePhoneMessageQrdl`. */
export function ramActionFor(operation: string): string {
  return `cams:${operation}`;
}

/** The image formats CAMS renders a QR code in. */
export type QrImageFormat = "PNG" | "SVG";

/** Where a code lives: a business phone number, optionally inside an ISV sub-customer space. */
export interface QrdlTarget {
  /** Digits only, country code first. */
  phoneNumber: string;
  custSpaceId?: string;
}

/** The content a code carries. */
export interface QrdlContent {
  prefilledMessage: string;
  generateQrImage: QrImageFormat;
}

/** One message QR code as CAMS reports it. */
export interface QrdlRecord extends QrdlContent {
  phoneNumber: string;
  qrdlCode: string;
  deepLinkUrl: string;
  qrImageUrl: string;
}

/** Input of CreatePhoneMessageQrdl. */
export type CreateQrdlRequest = QrdlTarget & QrdlContent;

/** Input of UpdatePhoneMessageQrdl: new content for an existing code. */
export type UpdateQrdlRequest = QrdlTarget & QrdlContent & { qrdlCode: string };

/** Input of DeletePhoneMessageQrdl. */
export type DeleteQrdlRequest = QrdlTarget & { qrdlCode: string };

/** A stable key for a target, used to share listings and limits. */
export function targetKey(target: QrdlTarget): string {
  return `${target.custSpaceId ?? ""}/${target.phoneNumber}`;
}
