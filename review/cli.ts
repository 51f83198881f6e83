#!/usr/bin/env node
import * as fs from "fs";
import { NotPreviewJsonError, reviewSummary } from "./index";

/** The --help text. */
const USAGE = `Usage: cams-review-summary [preview.json]

Reads the output of \`pulumi preview --json\` from the file, or from standard input when no file
(or "-") is given, and writes a Markdown comment about the WhatsApp QR codes (PhoneMessageQrdl)
to standard output: new codes, codes that will stop working, changes refused by
invalidationPolicy "deny", or "No QR code changes."

  pulumi preview --json > preview.json; cams-review-summary preview.json > comment.md

Exit status: 0 when the summary was written (also when the preview itself failed: the summary
says so), 1 when the input is not preview JSON, 2 for wrong arguments.
`;

/** What the command reads from and writes to; injected so tests run it in-process. */
export interface Io {
  readFile(path: string): string;
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs the command; resolves to the exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(USAGE);
    return 0;
  }
  if (argv.length > 1 || argv.some((a) => a.startsWith("-") && a !== "-")) {
    io.stderr(`cams-review-summary: expected at most one file argument, got ${argv.map((a) => JSON.stringify(a)).join(" ")}\n\n${USAGE}`);
    return 2;
  }
  const source = argv[0] && argv[0] !== "-" ? argv[0] : undefined;
  try {
    const text = source ? io.readFile(source) : await io.readStdin();
    io.stdout(reviewSummary(text));
    return 0;
  } catch (error) {
    const input = source ? `"${source}"` : "standard input";
    if (error instanceof NotPreviewJsonError) io.stderr(`cams-review-summary: ${input}: ${error.message}\n`);
    else if ((error as NodeJS.ErrnoException).code === "ENOENT") io.stderr(`cams-review-summary: ${input} does not exist\n`);
    else throw error;
    return 1;
  }
}

/** The process's own files and streams. */
const processIo: Io = {
  readFile: (path) => fs.readFileSync(path, "utf8"),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

if (require.main === module) {
  main(process.argv.slice(2), processIo).then((status) => (process.exitCode = status));
}
