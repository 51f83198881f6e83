/**
 * The pull-request review of a `pulumi preview --json`: which WhatsApp QR codes are new, which will
 * stop working, and which changes an `invalidationPolicy: "deny"` refused.
 * @packageDocumentation
 */
import { parsePreview } from "./parsePreview";
import { qrReview } from "./qrChanges";
import { renderReview, type RenderOptions } from "./render";

export { NotPreviewJsonError, parsePreview, type PreviewJson } from "./parsePreview";
export { qrReview, type QrChange, type QrReview, type Refusal } from "./qrChanges";
export { DEFAULT_MAX_CHARS, renderReview, SUMMARY_MARKER, type RenderOptions } from "./render";

/** The Markdown review comment for the text `pulumi preview --json` printed (at most 60,000 characters by default). */
export function reviewSummary(previewJsonText: string, options: RenderOptions = {}): string {
  return renderReview(qrReview(parsePreview(previewJsonText)), options);
}
