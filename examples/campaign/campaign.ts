import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { PhoneMessageQrdl } from "pulumi-cams";
import { downloadQrImage } from "./download";
import type { CampaignRow } from "./rows";
import { formatTable, PrintedCode } from "./table";

/** The stack outputs of a campaign. */
export interface Campaign {
  codes: pulumi.Output<PrintedCode[]>;
  /** The same codes as a text table. */
  table: pulumi.Output<string>;
}

/**
 * Declares one QR code per row and writes each code's image to `<outDir>/<name>.png|svg`. Images
 * are downloaded only when changes are applied, never during a preview.
 */
export function declareCampaign(rows: CampaignRow[], outDir: string): Campaign {
  const codes = rows.map((row) => {
    const qr = new PhoneMessageQrdl(row.name, {
      phoneNumber: row.phone,
      prefilledMessage: row.message,
      generateQrImage: row.format,
      // These codes get printed: editing a row's message fails the preview; add a new row instead.
      invalidationPolicy: "deny",
    });
    const file = path.join(outDir, `${row.name}.${row.format.toLowerCase()}`);
    return pulumi.all([qr.qrImageUrl, qr.qrdlCode, qr.deepLinkUrl, qr.phoneNumber]).apply(async ([url, qrdlCode, deepLinkUrl, phoneNumber]) => {
      if (!pulumi.runtime.isDryRun()) await downloadQrImage(url, row.format, file);
      return { name: row.name, phoneNumber, message: row.message, format: row.format, qrdlCode, deepLinkUrl, file };
    });
  });
  const all = pulumi.all(codes);
  return { codes: all, table: all.apply(formatTable) };
}
