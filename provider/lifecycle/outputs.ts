import type { QrdlRecord, QrdlTarget } from "../client/operations";
import type { QrdlInputs } from "../schemas/inputs";
import type { QrdlOutputs } from "./types";

/** The validated inputs without hidden keys, and without absent optionals (state must hold no `undefined`). */
export function userInputs(inputs: QrdlInputs): QrdlInputs {
  const { phoneNumber, prefilledMessage, generateQrImage, custSpaceId, invalidationPolicy, adoptQrdlCode } = inputs;
  return {
    phoneNumber,
    prefilledMessage,
    generateQrImage,
    invalidationPolicy,
    ...(custSpaceId ? { custSpaceId } : {}),
    ...(adoptQrdlCode ? { adoptQrdlCode } : {}),
  };
}

/** Outputs for a code CAMS reported: its live content wins over what was asked. */
export function toOutputs(inputs: QrdlInputs, live: QrdlRecord): QrdlOutputs {
  return {
    ...userInputs(inputs),
    prefilledMessage: live.prefilledMessage,
    generateQrImage: live.generateQrImage,
    qrdlCode: live.qrdlCode,
    deepLinkUrl: live.deepLinkUrl,
    qrImageUrl: live.qrImageUrl,
  };
}

/** The target (phone number and space) of a resource's inputs. */
export function targetOf(inputs: QrdlTarget): QrdlTarget {
  return { phoneNumber: inputs.phoneNumber, ...(inputs.custSpaceId ? { custSpaceId: inputs.custSpaceId } : {}) };
}
