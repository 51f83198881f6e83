import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { PHONE_MESSAGE_QRDL_TYPE } from "../provider/resource/phoneMessageQrdl";
import type { PreviewJson, PreviewResourceState, PreviewStep } from "./parsePreview";

/** A property value as the preview knows it: text, or not known until the change is applied. */
export type Planned = string | { unknown: true };

/** Where a code lives and what it says, as declared or as it exists. */
export interface CodeContent {
  phoneNumber: Planned;
  custSpaceId?: Planned;
  prefilledMessage: Planned;
  generateQrImage: Planned;
}

/** A code that exists in CAMS today, as the stack's state holds it. */
export interface ExistingCode extends CodeContent {
  name: string;
  qrdlCode: string;
  deepLinkUrl: string;
  invalidationPolicy: string;
}

/** One QR code change a reviewer must see. */
export type QrChange =
  | { kind: "created"; name: string; to: CodeContent }
  | { kind: "updated"; code: ExistingCode; to: CodeContent; relaxedTo?: string }
  | { kind: "replaced"; code: ExistingCode; to: CodeContent; because: string[]; oldKeepsWorking: boolean; relaxedTo?: string }
  | { kind: "deleted"; code: ExistingCode; keepsWorking: boolean }
  | { kind: "policyChanged"; code: ExistingCode; to: string }
  | { kind: "adopted"; name: string; qrdlCode: Planned };

/** A change the engine refused: a `deny` policy's error, or any other error of the preview. */
export interface Refusal {
  /** The resource's name, when the error is about a QR code. */
  name?: string;
  message: string;
}

/** What a preview means for QR codes. */
export interface QrReview {
  /** `<project>/<stack>`, from the URNs, when the preview names any resource. */
  stack?: string;
  changes: QrChange[];
  /** Changes refused by `invalidationPolicy: "deny"`. */
  denied: Refusal[];
  /** Other errors: the preview failed, so the list of changes may be incomplete. */
  failures: Refusal[];
}

/** Marks the error `deny` raises in diff (provider/lifecycle/notices.ts words it so). */
const DENY_MARK = 'invalidationPolicy "deny"';

/** The preview of a change that makes CAMS issue a new code shows the code as unknown (provider/lifecycle/check.ts). */
const REISSUE_MARK = "qrdlCode";

/** The strictness of each policy, to flag one relaxed in the same change as an edit. */
const STRICTNESS: Record<string, number> = { update: 0, replace: 1, deny: 2 };

/** Reads the QR code changes, refusals and failures out of a preview. */
export function qrReview(preview: PreviewJson): QrReview {
  const changes = preview.steps.filter(isQrStep).flatMap(changeOf);
  const errors = preview.diagnostics.filter((d) => d.severity === "error");
  const refusals = errors.map((d): Refusal & { deny: boolean } => ({
    name: d.urn && isQrUrn(d.urn) ? nameOf(d.urn) : undefined,
    message: d.message.replace(/^error: /, "").trim(),
    deny: d.message.includes(DENY_MARK) && d.urn !== undefined && isQrUrn(d.urn),
  }));
  return {
    stack: stackOf(preview.steps[0]?.urn ?? preview.diagnostics.find((d) => d.urn)?.urn),
    changes,
    denied: refusals.filter((r) => r.deny).map(({ name, message }) => ({ name, message })),
    failures: refusals.filter((r) => !r.deny).map(({ name, message }) => ({ name, message })),
  };
}

function changeOf(step: PreviewStep): QrChange[] {
  const name = nameOf(step.urn);
  const { oldState, newState } = step;
  switch (step.op) {
    case "create":
      if (!newState) return [];
      // adoptQrdlCode takes over an existing code: nothing new is printed, nothing stops working.
      return newState.inputs?.adoptQrdlCode !== undefined
        ? [{ kind: "adopted", name, qrdlCode: planned(newState.inputs.adoptQrdlCode) }]
        : [{ kind: "created", name, to: declared(newState) }];
    case "update": {
      if (!oldState || !newState) return [];
      const code = existing(name, oldState);
      const to = declared(newState);
      const policy = text(newState.inputs?.invalidationPolicy);
      // A secret message is masked on both sides; the code marked as reissued still tells the edit apart.
      const reissued = newState.inputs?.[REISSUE_MARK] === unknownValue;
      if (reissued || !sameText(code.prefilledMessage, to.prefilledMessage) || !sameText(code.generateQrImage, to.generateQrImage)) {
        return [{ kind: "updated", code, to, ...relaxation(code.invalidationPolicy, policy) }];
      }
      return policy !== code.invalidationPolicy ? [{ kind: "policyChanged", code, to: policy }] : [];
    }
    case "replace": {
      if (!oldState || !newState) return [];
      const code = existing(name, oldState);
      const relaxed = relaxation(code.invalidationPolicy, text(newState.inputs?.invalidationPolicy));
      return [{ kind: "replaced", code, to: declared(newState), because: step.replaceReasons, oldKeepsWorking: oldState.retainOnDelete === true, ...relaxed }];
    }
    case "delete":
      return oldState ? [{ kind: "deleted", code: existing(name, oldState), keepsWorking: oldState.retainOnDelete === true }] : [];
    case "import":
      return [{ kind: "adopted", name, qrdlCode: newState?.id?.split("/").pop() ?? "" }];
    default:
      // same, read, refresh, and the create-replacement/delete-replaced halves of a "replace" step.
      return [];
  }
}

/** `{relaxedTo}` when the new policy is less strict than the old one. */
function relaxation(from: string, to: string): { relaxedTo?: string } {
  return to in STRICTNESS && STRICTNESS[to] < (STRICTNESS[from] ?? 0) ? { relaxedTo: to } : {};
}

function isQrStep(step: PreviewStep): boolean {
  const type = step.newState?.type ?? step.oldState?.type;
  return type ? type === PHONE_MESSAGE_QRDL_TYPE : isQrUrn(step.urn);
}

/** A URN's type part is `parent$...$type` for children of components. */
function isQrUrn(urn: string): boolean {
  return urn.split("::")[2]?.split("$").pop() === PHONE_MESSAGE_QRDL_TYPE;
}

function nameOf(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

function stackOf(urn: string | undefined): string | undefined {
  const match = urn?.match(/^urn:pulumi:([^:]+)::([^:]+)::/);
  return match ? `${match[2]}/${match[1]}` : undefined;
}

function declared(state: PreviewResourceState): CodeContent {
  const inputs = state.inputs ?? {};
  return {
    phoneNumber: planned(inputs.phoneNumber),
    ...(inputs.custSpaceId !== undefined ? { custSpaceId: planned(inputs.custSpaceId) } : {}),
    prefilledMessage: planned(inputs.prefilledMessage),
    generateQrImage: planned(inputs.generateQrImage),
  };
}

function existing(name: string, state: PreviewResourceState): ExistingCode {
  const outputs = state.outputs ?? {};
  return {
    name,
    ...declared({ ...state, inputs: outputs }),
    qrdlCode: text(outputs.qrdlCode),
    deepLinkUrl: text(outputs.deepLinkUrl),
    invalidationPolicy: text(outputs.invalidationPolicy) || "update",
  };
}

function planned(value: unknown): Planned {
  return value === unknownValue ? { unknown: true } : text(value);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : JSON.stringify(value);
}

/** Equal only when both are known and the same: a value known only after apply may differ. */
export function sameText(a: Planned | undefined, b: Planned | undefined): boolean {
  return typeof a !== "object" && typeof b !== "object" && (a ?? "") === (b ?? "");
}
