import * as fs from "fs";
import * as path from "path";
import type { QrImageFormat } from "pulumi-cams";

/** How each format's file starts, so an error page is never saved as artwork. */
const LOOKS_LIKE: Record<QrImageFormat, (body: Buffer) => boolean> = {
  PNG: (body) => body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  SVG: (body) => /<svg[\s>]/.test(body.subarray(0, 1024).toString("utf8")),
};

/** Downloads the QR image CAMS serves at `url` to `file`, replacing it atomically (a print job never reads half a file). */
export async function downloadQrImage(url: string, format: QrImageFormat, file: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`downloading the QR image ${url} failed: HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (!LOOKS_LIKE[format](body)) throw new Error(`${url} did not answer with a ${format} image (${body.length} bytes of ${response.headers.get("content-type")})`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, body);
  fs.renameSync(partial, file);
}
