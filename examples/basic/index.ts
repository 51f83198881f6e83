// One WhatsApp message QR code for a store's door sticker.
// Run it against the local CAMS emulator with `npm run demo` (see the README).
import * as pulumi from "@pulumi/pulumi";
import { PhoneMessageQrdl } from "pulumi-cams";

const config = new pulumi.Config();

const storeDoor = new PhoneMessageQrdl("store-42", {
  phoneNumber: config.get("phoneNumber") ?? "+86 158 0000 0000",
  prefilledMessage: config.get("message") ?? "Hi, I'm at store 42",
  generateQrImage: "PNG",
  // Printed stickers stop working when the message changes: make every such change loud.
  invalidationPolicy: "update",
});

/** Opens a chat with the business number, the message pre-filled. */
export const deepLinkUrl = storeDoor.deepLinkUrl;
/** The QR image to print; it encodes deepLinkUrl. */
export const qrImageUrl = storeDoor.qrImageUrl;
/** The code CAMS issued. */
export const qrdlCode = storeDoor.qrdlCode;
