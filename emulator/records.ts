/** Image formats CAMS can render a message QR code in. */
export type QrImageFormat = "PNG" | "SVG";

/** A message QR code as the emulator exposes it to tests and the admin API. */
export interface QrdlRecord {
  phoneNumber: string;
  custSpaceId?: string;
  qrdlCode: string;
  prefilledMessage: string;
  generateQrImage: QrImageFormat;
  deepLinkUrl: string;
  qrImageUrl: string;
  createdAt: string;
  updatedAt: string;
}

/** A message QR code as stored; the URLs are derived when read so they follow the emulator's current address. */
export type StoredQrdl = Omit<QrdlRecord, "deepLinkUrl" | "qrImageUrl">;

/** One API call the emulator received, whatever its outcome. */
export interface CallRecord {
  /** ms epoch when received. */
  at: number;
  action: string;
  /** The AccessKeyId the caller claimed, verified or not. */
  accessKeyId?: string;
  /** Whether the signature was verified; only then are the parameters recorded. */
  authenticated: boolean;
  /** 0 when the connection was dropped on purpose after committing (fault `dropAfterCommitRate`). */
  httpStatus: number;
  /** "OK" or the error code. */
  code: string;
  requestId: string;
  /** The operation's parameters as received, for authenticated calls only (signature parameters left out; at most 16, long names and values cut). */
  params: Record<string, string>;
  /** How many parameters past the 16 kept were left out. */
  paramsOmitted?: number;
}

/** The deep link a message QR code encodes. */
export function deepLinkUrl(qrdlCode: string): string {
  return `https://wa.me/message/${qrdlCode}`;
}

/** Where the emulator serves the code's image. */
export function qrImageUrl(publicBaseUrl: string, qrdlCode: string, format: QrImageFormat): string {
  return `${publicBaseUrl}/qr/${qrdlCode}.${format.toLowerCase()}`;
}

/** The public view of a stored code. */
export function toQrdlRecord(stored: StoredQrdl, publicBaseUrl: string): QrdlRecord {
  return {
    ...stored,
    deepLinkUrl: deepLinkUrl(stored.qrdlCode),
    qrImageUrl: qrImageUrl(publicBaseUrl, stored.qrdlCode, stored.generateQrImage),
  };
}
