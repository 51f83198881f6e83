import QRCode from "qrcode";
import type { QrImageFormat } from "./records";

/** A rendered QR image and its media type. */
export interface QrImage {
  contentType: string;
  body: Buffer;
}

/** Renders a real, scannable QR code of `text` in the format CAMS was asked for. */
export async function renderQrImage(text: string, format: QrImageFormat): Promise<QrImage> {
  if (format === "PNG") {
    return { contentType: "image/png", body: await QRCode.toBuffer(text, { type: "png", scale: 8 }) };
  }
  return { contentType: "image/svg+xml", body: Buffer.from(await QRCode.toString(text, { type: "svg" })) };
}
