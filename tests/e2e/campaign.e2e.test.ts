import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import type { CamsEmulator } from "../../emulator";
import campaignProgram = require("../../examples/campaign");
import { campaignRows } from "../../examples/campaign/rows";
import type { PrintedCode } from "../../examples/campaign/table";
import { emulatorStackConfig, localStack } from "../../scripts/lib/localStack";
import { pulumiCli, REPO_ROOT } from "../../scripts/lib/pulumiCli";
import { startEmulator } from "../provider/fixtures";
import { assertPackageBuilt, freshWorkDir, skipIfOptedOut } from "./harness";
import { decodePngFile, decodeSvgFile } from "./qrFiles";

const ROWS = campaignRows(fs.readFileSync(path.join(REPO_ROOT, "examples", "campaign", "codes.csv"), "utf8"));

describe("examples/campaign under the real Pulumi engine", function () {
  this.timeout(180_000);
  let emulator: CamsEmulator;
  let stack: Stack;
  let workDir: string;
  let outDir: string;
  let codes: PrintedCode[];

  before(async function () {
    skipIfOptedOut(this);
    assertPackageBuilt();
    await pulumiCli();
    emulator = await startEmulator();
    workDir = freshWorkDir("campaign");
    outDir = path.join(workDir, "print");
    stack = await localStack({
      workDir,
      projectName: "qr-campaign",
      stackName: "test",
      program: campaignProgram,
      config: {
        ...emulatorStackConfig(emulator),
        "campaign:outDir": { value: outDir },
      },
    });
  });

  after(async () => {
    await stack?.destroy().catch(() => undefined);
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("up creates one code per CSV row with the row's message, and outputs them", async () => {
    const up = await stack.up();
    codes = up.outputs.codes.value;
    assert.deepEqual(codes.map((c) => c.name), ROWS.map((r) => r.name));
    for (const row of ROWS) {
      const live = emulator.codes().find((c) => c.prefilledMessage === row.message);
      assert.ok(live, `no code in CAMS with the message of ${row.name}`);
      assert.equal(live.generateQrImage, row.format, `${row.name}: image format`);
      assert.equal(codes.find((c) => c.name === row.name)?.qrdlCode, live.qrdlCode, `${row.name}: output code`);
    }
  });

  it("writes each row's image, in its format, and each decodes to its code's deep link", () => {
    for (const code of codes) {
      assert.equal(code.file, path.join(outDir, `${code.name}.${code.format.toLowerCase()}`));
      assert.ok(fs.existsSync(code.file), `${code.file} was not written`);
      const decoded = code.format === "PNG" ? decodePngFile(code.file) : decodeSvgFile(code.file);
      assert.equal(decoded, code.deepLinkUrl, `${code.file} does not decode to the deep link`);
    }
    assert.deepEqual(fs.readdirSync(outDir).sort(), codes.map((c) => path.basename(c.file)).sort(), "only finished images are left");
  });

  it("outputs the codes as a table with a row per code", async () => {
    const table: string = (await stack.outputs()).table.value;
    const lines = table.split("\n");
    assert.match(lines[0], /^NAME\s+CODE\s+FORMAT\s+DEEP LINK\s+FILE\s+MESSAGE$/);
    assert.equal(lines.length, ROWS.length + 1);
    for (const code of codes) {
      assert.ok(lines.some((l) => l.startsWith(code.name) && l.includes(code.qrdlCode) && l.includes(code.deepLinkUrl)), `no table row for ${code.name}:\n${table}`);
    }
  });

  it("a preview downloads nothing", async () => {
    fs.rmSync(outDir, { recursive: true });
    await stack.preview({ expectNoChanges: true });
    assert.equal(fs.existsSync(outDir), false, "the preview wrote images");
  });
});
