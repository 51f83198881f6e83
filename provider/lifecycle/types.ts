import type { QrdlInputs } from "../schemas/inputs";
import type { PendingUpdate } from "./pending";

/** Hidden input carrying the resource's URN, so warnings from the provider host name the resource. */
export const URN_KEY = "__urn";

/** Hidden input set only while the program runs for a preview: CAMS is not called, so check may say what is not known yet. */
export const PREVIEW_KEY = "__preview";

/** Inputs as the provider host hands them over: the user's validated inputs plus hidden keys. */
export type ProviderInputs = QrdlInputs & { [URN_KEY]?: string; [PREVIEW_KEY]?: boolean };

/** The outputs CAMS issues; an update may issue new ones. */
export const ISSUED_OUTPUTS = ["qrdlCode", "deepLinkUrl", "qrImageUrl"] as const;

/** What the resource exposes after create, update and read: the inputs plus what CAMS issued. */
export interface QrdlOutputs extends QrdlInputs {
  /** The code CAMS issued; authoritative over the one inside the resource id. */
  qrdlCode: string;
  /** `https://wa.me/message/<code>`: what the QR image encodes. */
  deepLinkUrl: string;
  /** Where CAMS serves the QR image (PNG or SVG). */
  qrImageUrl: string;
  /** Set only while an update whose answer was lost is not settled; the next up or refresh settles it. */
  pendingUpdate?: PendingUpdate;
}
