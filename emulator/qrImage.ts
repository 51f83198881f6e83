import type * as QRCode from "qrcode";
import type { QrImageFormat } from "./records";

/** A rendered QR image and its media type. */
export interface QrImage {
  contentType: string;
  body: Buffer;
}

/** The QR encoder is an optional peer dependency: the provider never needs it, only the emulator's images do. */
export class QrEncoderMissingError extends Error {
  readonly code = "QrEncoderMissing";
  constructor() {
    super(
      "The CAMS emulator serves QR images with the optional package `qrcode`, which is not installed: " +
        "run `npm install --save-dev qrcode` in your project. The API works without it.",
    );
    this.name = "QrEncoderMissingError";
  }
}

let encoder: typeof QRCode | undefined;

// Loaded on the first image request, so a project that never asks for an image needs no encoder.
function loadEncoder(): typeof QRCode | QrEncoderMissingError {
  if (encoder) return encoder;
  try {
    encoder = require("qrcode") as typeof QRCode;
    return encoder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return new QrEncoderMissingError();
    throw error;
  }
}

/** Renders a real, scannable QR code of `text` in the format CAMS was asked for, or says the encoder is missing. */
export async function renderQrImage(text: string, format: QrImageFormat): Promise<QrImage | QrEncoderMissingError> {
  const qr = loadEncoder();
  if (qr instanceof QrEncoderMissingError) return qr;
  if (format === "PNG") {
    return { contentType: "image/png", body: await qr.toBuffer(text, { type: "png", scale: 8 }) };
  }
  return { contentType: "image/svg+xml", body: Buffer.from(await qr.toString(text, { type: "svg" })) };
}
