#!/usr/bin/env node
import * as fs from "fs";
import { NotPreviewJsonError, reviewSummary } from "./index";

/** The --help text. */
const USAGE = `Usage: cams-review-summary [preview.json] [--full-report FILE [--full-report-link URL]]

Reads the output of \`pulumi preview --json\` from the file, or from standard input when no file
(or "-") is given, and writes a Markdown comment about the WhatsApp QR codes (PhoneMessageQrdl)
to standard output: new codes, codes that will stop working, changes refused by
invalidationPolicy "deny", or "No QR code changes."

The comment stays under 60,000 characters (GitHub refuses comments over 65,536): long lists are
folded, and for very large changes the least important lists shrink to codes, then to counts.
  --full-report FILE       also write the unabridged report to FILE (for the job summary or an artifact)
  --full-report-link URL   where readers find that report (e.g. the run's page); the comment links it

  pulumi preview --json > preview.json; cams-review-summary preview.json > comment.md

Exit status: 0 when the summary was written (also when the preview itself failed: the summary
says so), 1 when the input is not preview JSON, 2 for wrong arguments.
`;

/** The command's arguments, or what is wrong with them. */
function parseArgs(argv: string[]): { file?: string; fullReport?: string; link?: string } | string {
  const files: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--full-report" || arg === "--full-report-link") {
      if (argv[i + 1] === undefined) return `${arg} needs a value`;
      options[arg] = argv[++i];
    } else if (arg.startsWith("-") && arg !== "-") return `unknown option ${JSON.stringify(arg)}`;
    else files.push(arg);
  }
  if (files.length > 1) return `expected at most one file argument, got ${files.map((a) => JSON.stringify(a)).join(" ")}`;
  return { file: files[0], fullReport: options["--full-report"], link: options["--full-report-link"] };
}

/** What the command reads from and writes to; injected so tests run it in-process. */
export interface Io {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
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
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.stderr(`cams-review-summary: ${args}\n\n${USAGE}`);
    return 2;
  }
  const source = args.file && args.file !== "-" ? args.file : undefined;
  try {
    const text = source ? io.readFile(source) : await io.readStdin();
    if (args.fullReport) io.writeFile(args.fullReport, reviewSummary(text, { maxChars: Infinity }));
    const where = args.link ? `[the full report](${args.link})` : args.fullReport ? `the full report (\`${args.fullReport}\`)` : undefined;
    io.stdout(reviewSummary(text, { fullReport: where }));
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
  writeFile: (path, text) => fs.writeFileSync(path, text),
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
