import type { QrImageFormat } from "pulumi-cams";

/** One printed code: a store's door sticker or a poster. */
export interface CampaignRow {
  /** The Pulumi resource name and the image's file name: letters, digits and dashes. */
  name: string;
  /** The WhatsApp business number, country code first. */
  phone: string;
  /** The text WhatsApp pre-fills when the code is scanned. */
  message: string;
  format: QrImageFormat;
}

const COLUMNS = ["name", "phone", "message", "format"] as const;

/** Splits CSV text into records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      records.push([...record, field]);
      record = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new Error("the CSV ends inside a quoted field: a closing \" is missing");
  if (field !== "" || record.length) records.push([...record, field]);
  return records.filter((r) => r.some((f) => f.trim() !== ""));
}

/** The rows of a campaign file with columns name, phone, message, format; every problem is reported with its line. */
export function campaignRows(csv: string, source = "the campaign file"): CampaignRow[] {
  const [header, ...records] = parseCsv(csv);
  if (!header || COLUMNS.some((c, i) => header[i]?.trim().toLowerCase() !== c)) {
    throw new Error(`${source}: the first line must be the header "${COLUMNS.join(",")}", got "${header?.join(",") ?? ""}"`);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const rows = records.map((fields, index) => {
    const [name = "", phone = "", message = "", format = ""] = fields.map((f) => f.trim());
    const row = `${source}, row ${index + 1} (${name || "no name"})`;
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(name)) problems.push(`${row}: name must be letters, digits and dashes (it names the resource and the image file)`);
    if (seen.has(name)) problems.push(`${row}: name is used by an earlier row`);
    seen.add(name);
    if (phone === "") problems.push(`${row}: phone is empty`);
    if (message === "") problems.push(`${row}: message is empty`);
    const upper = (format || "PNG").toUpperCase();
    if (upper !== "PNG" && upper !== "SVG") problems.push(`${row}: format must be PNG or SVG, got "${format}"`);
    return { name, phone, message, format: upper as QrImageFormat };
  });
  if (problems.length) throw new Error(problems.join("\n"));
  return rows;
}
