/**
 * The pull-request review of a `pulumi preview --json`: which WhatsApp QR codes are new, which will
 * stop working, and which changes an `invalidationPolicy: "deny"` refused.
 * @packageDocumentation
 */
import { parsePreview } from "./parsePreview";
import { qrReview } from "./qrChanges";
import { renderReview } from "./render";

export { NotPreviewJsonError, parsePreview, type PreviewJson } from "./parsePreview";
export { qrReview, type QrChange, type QrReview, type Refusal } from "./qrChanges";
export { renderReview, SUMMARY_MARKER } from "./render";

/** The Markdown review comment for the text `pulumi preview --json` printed. */
export function reviewSummary(previewJsonText: string): string {
  return renderReview(qrReview(parsePreview(previewJsonText)));
}
