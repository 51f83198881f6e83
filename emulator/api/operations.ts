import type { EmulatorBehaviour } from "../behaviour";
import { ApiError, ErrorCodes, qrdlCodeNotFound } from "../errors";
import { newQrdlCode } from "../ids";
import { toQrdlRecord, type QrImageFormat, type StoredQrdl } from "../records";
import type { QrdlScope, QrdlStore } from "../state/store";
import type { OperationInput } from "./validation";

/** A message QR code as the API returns it in `Data`. */
export interface QrdlData {
  QrImageUrl: string;
  PhoneNumber: string;
  QrdlCode: string;
  DeepLinkUrl: string;
  GenerateQrImage: QrImageFormat;
  PrefilledMessage: string;
}

/** What an operation reads besides its input. */
export interface OperationDeps {
  store: QrdlStore;
  behaviour: EmulatorBehaviour;
  publicBaseUrl: string;
  /** ISO time of this call. */
  now: string;
}

/** Performs a validated operation, committing any change; returns the response's `Data` (none for Delete). */
export function runOperation(input: OperationInput, deps: OperationDeps): QrdlData | QrdlData[] | undefined {
  const { store, now } = deps;
  switch (input.action) {
    case "CreatePhoneMessageQrdl": {
      const count = store.countForPhone(input.scope.phoneNumber);
      if (count >= deps.behaviour.maxCodesPerNumber) {
        throw new ApiError(
          ErrorCodes.QrdlCodeQuotaExceeded,
          400,
          `The phone number already has ${count} message QR codes, the most allowed; delete unused codes first.`,
          true,
        );
      }
      const created = { ...input.scope, qrdlCode: unusedCode(store), ...content(input), createdAt: now, updatedAt: now };
      store.commit({ put: [created] });
      return toData(created, deps);
    }
    case "UpdatePhoneMessageQrdl": {
      const current = existing(input.scope, input.qrdlCode, store);
      const updated = { ...current, ...content(input), updatedAt: now };
      if (deps.behaviour.updateMode === "keep") {
        store.commit({ put: [updated] });
        return toData(updated, deps);
      }
      // The vendor page: after an update the original code can no longer be scanned.
      const reissued = { ...updated, qrdlCode: unusedCode(store), createdAt: now };
      store.commit({ remove: [current.qrdlCode], put: [reissued] });
      return toData(reissued, deps);
    }
    case "DeletePhoneMessageQrdl":
      store.commit({ remove: [existing(input.scope, input.qrdlCode, store).qrdlCode] });
      return undefined;
    case "ListPhoneMessageQrdl":
      return store.list(input.scope).map((c) => toData(c, deps));
  }
}

function existing(scope: QrdlScope, qrdlCode: string, store: QrdlStore): StoredQrdl {
  const found = store.inScope(scope, qrdlCode);
  if (!found) throw qrdlCodeNotFound(qrdlCode);
  return found;
}

function unusedCode(store: QrdlStore): string {
  let code = newQrdlCode();
  while (store.has(code)) code = newQrdlCode();
  return code;
}

function content(input: Pick<StoredQrdl, "generateQrImage" | "prefilledMessage">): Pick<StoredQrdl, "generateQrImage" | "prefilledMessage"> {
  return { generateQrImage: input.generateQrImage, prefilledMessage: input.prefilledMessage };
}

function toData(stored: StoredQrdl, deps: OperationDeps): QrdlData {
  const record = toQrdlRecord(stored, deps.publicBaseUrl);
  return {
    QrImageUrl: record.qrImageUrl,
    PhoneNumber: record.phoneNumber,
    QrdlCode: record.qrdlCode,
    DeepLinkUrl: record.deepLinkUrl,
    GenerateQrImage: record.generateQrImage,
    PrefilledMessage: record.prefilledMessage,
  };
}
