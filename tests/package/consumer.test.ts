import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type * as automation from "@pulumi/pulumi/automation";
import { skipIfOptedOut } from "../e2e/harness";
import { LOCAL_PASSPHRASE } from "../../scripts/lib/localStack";
import { pulumiCli } from "../../scripts/lib/pulumiCli";
import {
  compile, packCleanCopy, pulumiNewProject, readmeBlock, scratchDir, startInstalledEmulator,
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

  it("installs one copy of each Alibaba package and no QR encoder (the provider never renders images)", () => {
    const tree = execFileSync("npm", ["ls", "--all", "--parseable"], { cwd: app, encoding: "utf8" }).split("\n");
    const copies = (name: string) => tree.filter((p) => p.endsWith(`${path.sep}node_modules${path.sep}${name}`)).length;
    for (const name of ["@alicloud/tea-util", "@alicloud/openapi-client", "@alicloud/credentials", "@alicloud/cams20200606"]) {
      assert.strictEqual(copies(name), 1, `${name} is installed ${copies(name)} times`);
    }
    assert.strictEqual(copies("qrcode"), 0, "qrcode is installed although only the emulator's images use it");
  });

  it("type-checks the README's program and emulator snippet with the project's tsconfig (no skipLibCheck)", () => {
    fs.writeFileSync(path.join(app, "index.ts"), readmeBlock("## Usage"));
    fs.writeFileSync(path.join(app, "emulator.ts"), readmeBlock("## Test your programs against the emulator"));
    const tsconfig = path.join(app, "tsconfig.json");
    const config = JSON.parse(fs.readFileSync(tsconfig, "utf8"));
    fs.writeFileSync(tsconfig, JSON.stringify({ ...config, files: ["index.ts", "emulator.ts"] }, null, 4));
    const result = compile(app);
    assert.ok(result.ok, `tsc failed in the user's project:\n${result.output}`);
    assert.match(fs.readFileSync(path.join(app, "index.ts"), "utf8"), /from "pulumi-cams"/);
    assert.match(fs.readFileSync(path.join(app, "emulator.ts"), "utf8"), /from "pulumi-cams\/emulator"/);
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

/** A stack whose inline program is the project's compiled index.js, through the project's own @pulumi/pulumi. */
async function installedStack(app: string, emulator: InstalledEmulator): Promise<automation.Stack> {
  const auto = require(path.join(app, "node_modules", "@pulumi", "pulumi", "automation")) as typeof automation;
  const program = path.join(app, "bin", "index.js");
  const state = path.join(app, ".pulumi-state");
  for (const dir of ["backend", "home"]) fs.mkdirSync(path.join(state, dir), { recursive: true });
  // The project's own PulumiCommand: its errors must be the classes its LocalWorkspace checks for.
  const cli = await auto.PulumiCommand.get({ root: path.dirname(path.dirname((await pulumiCli()).command)), skipVersionCheck: true });
  const stack = await auto.LocalWorkspace.createOrSelectStack(
    {
      projectName: "consumer",
      stackName: "test",
      program: async () => {
        delete require.cache[program];
        const { __esModule, ...outputs } = require(program) as Record<string, unknown>;
        return outputs;
      },
    },
    {
      workDir: app,
      pulumiCommand: cli,
      projectSettings: { name: "consumer", runtime: "nodejs" },
      envVars: {
        PULUMI_BACKEND_URL: `file://${path.join(state, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: LOCAL_PASSPHRASE,
        PULUMI_HOME: path.join(state, "home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      },
    },
  );
  await stack.setAllConfig({
    "cams:endpoint": { value: emulator.endpoint },
    "cams:protocol": { value: "HTTP" },
    "alicloud:accessKey": { value: "LTAI5tCamsEmulatorDemo" },
    "alicloud:secretKey": { value: "cams-emulator-demo-secret", secret: true },
  });
  return stack;
}
