/**
 * A local emulator of Alibaba Cloud CAMS's WhatsApp message QR code API (Create, Update, Delete and
 * List PhoneMessageQrdl), verifying ACS3-HMAC-SHA256 and RPC HMAC-SHA1 signatures like the real gateway.
 */
export { CamsEmulator, type EmulatorOptions } from "./emulator";
export { DEMO_CREDENTIAL, type EmulatorCredential } from "./credentials";
export {
  DEFAULT_BEHAVIOUR,
  InvalidBehaviourError,
  type BehaviourPatch,
  type EmulatorBehaviour,
  type EmulatorFaults,
} from "./behaviour";
export { ErrorCodes, type ErrorCode } from "./errors";
export { InvalidCodePatchError, UnknownCodeError, type CodePatch } from "./outOfBand";
export type { CallRecord, QrdlRecord, QrImageFormat } from "./records";
export { API_VERSION, ACTIONS, type Action } from "./api/actions";
export { ADMIN_PREFIX } from "./admin";
