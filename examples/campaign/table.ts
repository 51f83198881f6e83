/** One code of the campaign as the stack outputs it. */
export interface PrintedCode {
  name: string;
  phoneNumber: string;
  message: string;
  format: string;
  qrdlCode: string;
  deepLinkUrl: string;
  /** Where the print-ready image was written. */
  file: string;
}

const COLUMNS: Array<[keyof PrintedCode, string]> = [
  ["name", "NAME"],
  ["qrdlCode", "CODE"],
  ["format", "FORMAT"],
  ["deepLinkUrl", "DEEP LINK"],
  ["file", "FILE"],
  ["message", "MESSAGE"],
];

/** The codes as an aligned text table, for `pulumi stack output table`. */
export function formatTable(codes: PrintedCode[]): string {
  const cells = [COLUMNS.map(([, title]) => title), ...codes.map((c) => COLUMNS.map(([key]) => c[key].replace(/\s+/g, " ")))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  return cells.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}
