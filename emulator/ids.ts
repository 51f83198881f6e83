import { randomInt, randomUUID } from "node:crypto";

const QRDL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const QRDL_LENGTH = 14;

/** A request id shaped like Alibaba Cloud's: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** A random message QR code shaped like Meta's (14 upper-case alphanumerics, like `4O4YGZEG3RIVE1`). */
export function newQrdlCode(): string {
  let code = "";
  for (let i = 0; i < QRDL_LENGTH; i++) code += QRDL_ALPHABET[randomInt(QRDL_ALPHABET.length)];
  return code;
}
