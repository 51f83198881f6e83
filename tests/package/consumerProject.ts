import { execFileSync, spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../scripts/lib/pulumiCli";

/** What `npm pack --json` reports about the tarball. */
export interface PackedTarball {
  file: string;
  entryCount: number;
  size: number;
  files: string[];
  scripts: Record<string, string>;
}

/** The tsconfig.json `pulumi new typescript` writes: classic node resolution, no esModuleInterop, no skipLibCheck. */
export const PULUMI_NEW_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

// Outside the repo, so nothing resolves from the checkout's node_modules by walking up.
export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-cams-consumer-"));
}

// npm run exports its config as npm_* variables; a user's npm in their own project sees none of them.
export function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")));
}

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, env: npmEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
}

/** Packs a copy of the checkout without dist/ (as a fresh clone has it), so only `prepack` can build what ships. */
export function packCleanCopy(scratch: string): PackedTarball {
  const copy = path.join(scratch, "checkout");
  const skipped = new Set(["node_modules", "dist", ".work", ".cache", ".git"]);
  fs.cpSync(REPO_ROOT, copy, {
    recursive: true,
    filter: (src) => !skipped.has(path.basename(src)) && !src.endsWith(".tgz"),
  });
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
  const out = npm(["pack", "--json", "--pack-destination", scratch], copy);
  const [report] = JSON.parse(out.slice(out.indexOf("["))) as Array<{ filename: string; entryCount: number; size: number; files: Array<{ path: string }> }>;
  const manifest = JSON.parse(fs.readFileSync(path.join(copy, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return {
    file: path.join(scratch, report.filename),
    entryCount: report.entryCount,
    size: report.size,
    files: report.files.map((f) => f.path),
    scripts: manifest.scripts,
  };
}

/** The version of a package the checkout has installed, so the project gets what the suite runs on. */
function installedVersion(name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/** A project as `pulumi new typescript` makes one, with the tarball installed by npm from its cache. */
export function pulumiNewProject(dir: string, tarball: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "consumer", main: "index.ts" }, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify(PULUMI_NEW_TSCONFIG, null, 4)}\n`);
  const deps = ["@pulumi/pulumi", "typescript", "@types/node"].map((n) => `${n}@${installedVersion(n)}`);
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, ...deps], dir);
}

/** The first ```<lang> block after `marker` in a document of the checkout, as a user would copy it. */
export function docBlock(file: string, marker: string, lang: string): string {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
  const at = text.indexOf(marker);
  const block = at < 0 ? null : new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(text.slice(at));
  if (!block) throw new Error(`${file} has no \`\`\`${lang} block after "${marker}"`);
  return block[1];
}

/** `npx tsc` in the project: its output, and whether it passed. */
export function compile(dir: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(path.join(dir, "node_modules", ".bin", "tsc"), ["-p", "."], { cwd: dir, encoding: "utf8" }) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** The emulator started from the project's installed `cams-emulator` bin, on a free port. */
export interface InstalledEmulator {
  process: ChildProcess;
  url: string;
  endpoint: string;
  stop(): Promise<void>;
}

export async function startInstalledEmulator(dir: string): Promise<InstalledEmulator> {
  const readyFile = path.join(dir, ".emulator.json");
  const child = spawn(path.join(dir, "node_modules", ".bin", "cams-emulator"), ["--port", "0", "--in-memory", "--ready-file", readyFile], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  let failure: Error | undefined;
  child.once("error", (error) => (failure = error));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  for (let waited = 0; !fs.existsSync(readyFile); waited += 100) {
    if (failure || child.exitCode !== null || waited > 60_000) {
      throw new Error(`the installed cams-emulator did not start: ${failure?.message ?? `exit code ${child.exitCode}`}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const ready = JSON.parse(fs.readFileSync(readyFile, "utf8")) as { url: string; endpoint: string };
  return {
    process: child,
    ...ready,
    stop: async () => {
      if (child.exitCode === null && !failure) child.kill("SIGTERM");
      await exited;
    },
  };
}
