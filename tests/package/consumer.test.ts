import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type * as automation from "@pulumi/pulumi/automation";
import { skipIfOptedOut } from "../e2e/harness";
import { installedStack } from "./installedStack";
import {
  compile, docBlock, npmEnv, packCleanCopy, pulumiNewProject, scratchDir, startInstalledEmulator,
  type InstalledEmulator, type PackedTarball,
} from "./consumerProject";

const NEW_MESSAGE = "Hi, I'm at store 42 (new hours)";

describe("the published package, installed into a project made as `pulumi new typescript` makes one", function () {
  this.timeout(15 * 60_000);
  let scratch: string;
  let app: string;
  let tarball: PackedTarball;

  before(() => {
    scratch = scratchDir();
    app = path.join(scratch, "app");
    tarball = packCleanCopy(scratch);
    process.stdout.write(`      packed ${path.basename(tarball.file)}: ${tarball.entryCount} files, ${(tarball.size / 1024).toFixed(1)} kB\n`);
    pulumiNewProject(app, tarball.file);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("ships, from a checkout with nothing built, the compiled provider, emulator and review tool with their types, README, docs and LICENSE, and nothing else", () => {
    for (const f of ["dist/provider/index.js", "dist/provider/index.d.ts", "dist/provider/lifecycle/index.js", "dist/emulator/index.d.ts",
      "dist/emulator/cli.js", "dist/review/cli.js", "README.md", "LICENSE", "docs/emulator.md", "emulator/README.md", "package.json"]) {
      assert.ok(tarball.files.includes(f), `${f} is not in the tarball`);
    }
    const unexpected = tarball.files.filter((f) => !/^(dist\/(provider|emulator|review)\/.*\.(js|d\.ts)|docs\/.*\.md|emulator\/README\.md|README\.md|LICENSE|package\.json)$/.test(f));
    assert.deepStrictEqual(unexpected, [], "files a user does not need (source maps, tests, sources) are shipped");
    for (const hook of ["prepare", "preinstall", "install", "postinstall"]) {
      assert.strictEqual(tarball.scripts[hook], undefined, `the "${hook}" script would run in a user's project`);
    }
  });

  it("every relative link in the shipped documents points at a shipped file, so the docs work from npm and node_modules", () => {
    const unpacked = path.join(scratch, "checkout");
    const broken = tarball.files.filter((f) => f.endsWith(".md")).flatMap((doc) =>
      [...fs.readFileSync(path.join(unpacked, doc), "utf8").matchAll(/\]\(([^)#\s]+)[^)]*\)/g)]
        .map((m) => m[1])
        .filter((target) => !/^[a-z]+:/.test(target))
        .map((target) => path.posix.normalize(path.posix.join(path.posix.dirname(doc), target)).replace(/\/$/, ""))
        .filter((target) => !tarball.files.some((f) => f === target || f.startsWith(`${target}/`)))
        .map((target) => `${doc} → ${target}`));
    assert.deepStrictEqual(broken, []);
  });

  it("installs one copy of each Alibaba package and no QR encoder (the provider never renders images)", () => {
    const tree = execFileSync("npm", ["ls", "--all", "--parseable"], { cwd: app, encoding: "utf8" }).split("\n");
    const names = tree.map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(p)?.[1]).filter((n): n is string => !!n);
    const twice = [...new Set(names.filter((n, i) => n.startsWith("@alicloud/") && names.indexOf(n) !== i))];
    assert.deepStrictEqual(twice, [], "an Alibaba package is installed more than once");
    assert.ok(names.includes("@alicloud/credentials"), "the credential chain's package is missing");
    assert.ok(!names.includes("qrcode"), "qrcode is installed although only the emulator's images use it");
  });

  it("type-checks the README's program and emulator snippet with the project's tsconfig (no skipLibCheck)", () => {
    fs.writeFileSync(path.join(app, "index.ts"), docBlock("README.md", "## Usage", "ts"));
    fs.writeFileSync(path.join(app, "emulator.ts"), docBlock("README.md", "## Test your programs against the emulator", "ts"));
    const tsconfig = path.join(app, "tsconfig.json");
    const config = JSON.parse(fs.readFileSync(tsconfig, "utf8"));
    fs.writeFileSync(tsconfig, JSON.stringify({ ...config, files: ["index.ts", "emulator.ts"] }, null, 4));
    const result = compile(app);
    assert.ok(result.ok, `tsc failed in the user's project:\n${result.output}`);
    assert.match(fs.readFileSync(path.join(app, "index.ts"), "utf8"), /from "pulumi-cams"/);
    assert.match(fs.readFileSync(path.join(app, "emulator.ts"), "utf8"), /from "pulumi-cams\/emulator"/);
  });

  it("docs/emulator.md's shell recipe names this package for npx and leaves nothing running when it ends", async () => {
    const recipe = docBlock(path.join("docs", "emulator.md"), "`--ready-file` writes", "sh");
    assert.match(recipe, /npx --package pulumi-cams cams-emulator/);
    // Stands in for `pulumi up`: proves the emulator answers and notes where it listened.
    const pulumi = `pulumi() { node -e "fetch('http://'+process.env.CAMS_ENDPOINT+'/_emulator/health').then(r=>process.exit(r.ok?0:1))"; echo "$CAMS_ENDPOINT" > endpoint.txt; }\n`;
    fs.writeFileSync(path.join(app, "recipe.sh"), recipe.replace("set -m", `${pulumi}set -m`));
    execFileSync("bash", ["recipe.sh"], { cwd: app, env: npmEnv(), stdio: ["ignore", "pipe", "inherit"], timeout: 120_000 });
    const endpoint = fs.readFileSync(path.join(app, "endpoint.txt"), "utf8").trim();
    await assert.rejects(fetch(`http://${endpoint}/_emulator/health`), "the emulator still answers after the recipe ended");
  });

  describe("the README's program under the real engine, against the emulator from the installed bin", () => {
    let emulator: InstalledEmulator;
    let stack: automation.Stack;

    before(async function () {
      skipIfOptedOut(this);
      emulator = await startInstalledEmulator(app);
      stack = await installedStack(app, emulator);
    });
    after(async () => {
      await emulator?.stop();
    });

    it("up creates the code, whose image URL says how to enable images when the optional encoder is missing", async () => {
      const up = await stack.up();
      assert.strictEqual(up.summary.resourceChanges?.create, 2);
      assert.match(String(up.outputs.link?.value), /^https:\/\/wa\.me\/message\/[A-Z0-9]+$/);
      const codes = (await (await fetch(`${emulator.url}/_emulator/codes`)).json()) as Array<{ prefilledMessage: string }>;
      assert.deepStrictEqual(codes.map((c) => c.prefilledMessage), ["Hi, I'm at store 42"]);
      const image = await fetch(String(up.outputs.image?.value));
      assert.strictEqual(image.status, 501);
      assert.match(await image.text(), /npm install --save-dev qrcode/);
    });

    it("a message change previews as an update with the invalidation warning", async () => {
      const source = fs.readFileSync(path.join(app, "index.ts"), "utf8");
      fs.writeFileSync(path.join(app, "index.ts"), source.replace(`"Hi, I'm at store 42"`, JSON.stringify(NEW_MESSAGE)));
      assert.ok(compile(app).ok);
      let printed = "";
      const preview = await stack.preview({ onOutput: (text) => (printed += text) });
      assert.strictEqual(preview.changeSummary.update, 1);
      assert.match(printed, /warning: PhoneMessageQrdl "store-42": changing prefilledMessage/);
    });

    it("destroy deletes the code", async () => {
      await stack.destroy();
      const codes = (await (await fetch(`${emulator.url}/_emulator/codes`)).json()) as unknown[];
      assert.deepStrictEqual(codes, []);
    });
  });
});
