import * as path from "path";
import { parseArgs } from "util";
import { REPO_ROOT } from "../scripts/lib/pulumiCli";

/** What `npm run bench` and `npm run soak` take on the command line. */
export interface RunOptions {
  /** How many codes the program declares. */
  n: number;
  /** `--parallel` for the engine; undefined keeps the CLI's default. */
  parallel?: number;
  /** Where the JSON and Markdown reports go. */
  outDir: string;
}

/** Parses `--n 500 --parallel 16 --out dir`; throws with a usage line on anything else. */
export function parseRunOptions(argv: string[], defaults: { n: number }): RunOptions {
  const usage = "usage: [--n <codes>] [--parallel <operations>] [--out <directory>]";
  const { values } = parseArgs({
    args: argv,
    options: { n: { type: "string" }, parallel: { type: "string" }, out: { type: "string" } },
    strict: true,
  });
  const positive = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"\n${usage}`);
    return value;
  };
  return {
    n: positive("n", values.n) ?? defaults.n,
    parallel: positive("parallel", values.parallel),
    outDir: path.resolve(values.out ?? path.join(REPO_ROOT, "bench", "results")),
  };
}
