/**
 * pulumi-cams: Alibaba Cloud CAMS WhatsApp message QR codes as Pulumi resources.
 * @packageDocumentation
 */
export { PhoneMessageQrdl, PhoneMessageQrdlArgs, PHONE_MESSAGE_QRDL_TYPE } from "./resource/phoneMessageQrdl";
export { InvalidationPolicy, INVALIDATION_POLICIES, MAX_PREFILLED_MESSAGE_LENGTH } from "./schemas/inputs";
export { QrImageFormat } from "./client/operations";
export { CamsError, CamsErrorFields } from "./errors/camsError";
export { CredentialSourceError, CredentialsNotFoundError, InvalidSettingError } from "./errors/configErrors";
export { AdoptionError, CodeVanishedError, InvalidationDeniedError } from "./errors/lifecycleErrors";
