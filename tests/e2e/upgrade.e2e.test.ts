import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import type { CamsEmulator } from "../../emulator";
import { REPO_ROOT } from "../../scripts/lib/pulumiCli";
import { startEmulator } from "../provider/fixtures";
import { EngineStack, assertPackageBuilt, freshWorkDir, skipIfOptedOut } from "./harness";

/** Installs the built package into `<workDir>/node_modules/pulumi-cams` as npm would: a copy, not a link. */
function installPackageCopy(workDir: string): string {
  const installed = path.join(workDir, "node_modules", "pulumi-cams");
  fs.mkdirSync(installed, { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, "package.json"), path.join(installed, "package.json"));
  fs.cpSync(path.join(REPO_ROOT, "dist", "provider"), path.join(installed, "dist", "provider"), { recursive: true });
  return installed;
}

/** Publishes "0.2.0" over the installed copy: a new version whose delete leaves a trace. */
function upgradeInstalledPackage(installed: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"));
  fs.writeFileSync(path.join(installed, "package.json"), JSON.stringify({ ...manifest, version: "0.2.0" }, null, 2));
  fs.appendFileSync(
    path.join(installed, "dist", "provider", "lifecycle", "index.js"),
    `\n;{ const fs = require("fs"); const previous = exports.delete;\n` +
      `  exports.delete = (id, props) => { fs.appendFileSync("delete-ran-by-0.2.0.log", id + "\\n"); return previous(id, props); }; }\n`,
  );
}

describe("upgrading the pulumi-cams package under the real engine", function () {
  this.timeout(180_000);
  let emulator: CamsEmulator;
  let engine: EngineStack;
  let installed: string;

  before(async function () {
    skipIfOptedOut(this);
    assertPackageBuilt();
    emulator = await startEmulator();
    const workDir = freshWorkDir("upgrade");
    installed = installPackageCopy(workDir);
    engine = await EngineStack.create("upgrade", emulator, workDir);
    engine.declared = [{ name: "menu", args: { phoneNumber: "8615800000000", prefilledMessage: "Show me the menu" } }];
    await engine.stack.up();
  });

  after(async () => {
    await emulator?.close();
    engine?.dispose();
  });

  it("10. a new package version changes no diff, and destroy runs the new version's code", async () => {
    const stateBefore = engine.resources().find((r) => r.urn.endsWith("::menu"));
    upgradeInstalledPackage(installed);

    emulator.resetCalls();
    await engine.stack.preview({ expectNoChanges: true });
    assert.deepEqual(emulator.calls(), [], "the preview after the upgrade called CAMS");

    await engine.stack.destroy();
    const trace = path.join(engine.workDir, "delete-ran-by-0.2.0.log");
    assert.ok(fs.existsSync(trace), "destroy did not run the upgraded package's delete");
    assert.equal(fs.readFileSync(trace, "utf8").trim(), stateBefore?.id);
    assert.deepEqual(emulator.codes(), []);
  });
});
