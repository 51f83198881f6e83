import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { DEMO_CREDENTIAL, type CamsEmulator } from "../../emulator";
import { CliProject } from "../../scripts/lib/cliProject";
import { stateFile } from "../../scripts/lib/localStack";
import { pluginArchive, pluginVersion, yamlLanguageHost } from "../../scripts/lib/pluginPackage";
import { REPO_ROOT, pulumiCli } from "../../scripts/lib/pulumiCli";
import { providerFor, startEmulator } from "../provider/fixtures";
import { assertPackageBuilt, freshWorkDir, skipIfOptedOut } from "./harness";

const PHONE = "8615800000000";
/** The flyer's message, set as a secret in stack config: it must never reach state in clear. */
const FLYER_MESSAGE = "Hello, I saw your flyer: code PROMO-1234";
const WRITES = ["CreatePhoneMessageQrdl", "UpdatePhoneMessageQrdl", "DeletePhoneMessageQrdl"];

/** The stack's state file on the project's file backend. */
function stateFileOf(workDir: string): string {
  return stateFile(path.join(workDir, ".pulumi-state"), "cams-yaml", "test");
}

/** The resources of the stack's state, as `pulumi stack export` prints them. */
async function stateResources(project: CliProject): Promise<Array<{ type: string; urn: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }>> {
  const exported = JSON.parse((await project.ok(["stack", "export"])).stdout);
  return exported.deployment.resources ?? [];
}

describe("the provider plugin under the plain Pulumi CLI: examples/yaml, installed from its archive", function () {
  this.timeout(600_000);
  let emulator: CamsEmulator;
  let project: CliProject;
  let workDir: string;
  const codes = (name: string) => async () => (await stateResources(project)).find((r) => r.urn.endsWith(`::${name}`));
  const writes = () => emulator.calls().filter((c) => WRITES.includes(c.action));

  before(async function () {
    skipIfOptedOut(this);
    assertPackageBuilt();
    const pulumi = (await pulumiCli()).command;
    emulator = await startEmulator();
    workDir = freshWorkDir("plugin-yaml");
    fs.copyFileSync(path.join(REPO_ROOT, "examples", "yaml", "Pulumi.yaml"), path.join(workDir, "Pulumi.yaml"));
    project = new CliProject({ pulumi, dir: workDir, stateDir: path.join(workDir, ".pulumi-state"), path: [path.dirname(yamlLanguageHost())] });
    await project.ok(["plugin", "install", "resource", "cams", pluginVersion(), "--file", pluginArchive()]);
    await project.ok(["stack", "init", "test"]);
    for (const [key, value] of [["cams:endpoint", emulator.endpoint], ["cams:protocol", "HTTP"], ["cams:accessKey", DEMO_CREDENTIAL.accessKeyId]]) {
      await project.ok(["config", "set", key, value]);
    }
    await project.ok(["config", "set", "--secret", "cams:secretKey", DEMO_CREDENTIAL.accessKeySecret]);
    await project.ok(["config", "set", "--secret", "flyerMessage", FLYER_MESSAGE]);
  });

  after(async () => {
    if (project) await project.run(["destroy", "--yes"]);
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("a plain `pulumi up` of the YAML program creates its codes, with nothing of a dynamic provider and no secret in clear in state", async () => {
    const up = await project.ok(["up", "--yes"]);
    assert.match(up.stdout, /\+ 3 created/);
    const live = emulator.codes().filter((c) => c.phoneNumber === PHONE);
    assert.equal(live.length, 2, "two codes in CAMS");
    const flyer = await codes("flyer")();
    assert.equal(flyer?.type, "cams:index:PhoneMessageQrdl");
    assert.ok(live.some((c) => `${PHONE}/${c.qrdlCode}` === flyer?.id && c.generateQrImage === "SVG"), "the flyer's id names its live SVG code");
    assert.doesNotMatch(JSON.stringify(await stateResources(project)), /__provider|__urn/);
    assert.ok(live.some((c) => c.prefilledMessage === FLYER_MESSAGE), "CAMS got the secret message");
    assert.ok(!fs.readFileSync(stateFileOf(workDir), "utf8").includes("PROMO-1234"), "the state file holds the secret message only encrypted");
  });

  it("a message change previews as an update with the invalidation warning and writes nothing", async () => {
    emulator.resetCalls();
    const preview = await project.ok(["preview", "--config", "storeFrontMessage=We moved: new address inside"]);
    assert.match(preview.stdout, /PhoneMessageQrdl "storeFront": changing prefilledMessage .* stops the printed copies/);
    assert.deepEqual(writes(), []);
    await project.ok(["config", "rm", "storeFrontMessage"]);
  });

  it("a message change under invalidationPolicy deny is refused by the preview, naming the code it would break", async () => {
    emulator.resetCalls();
    const flyer = await codes("flyer")();
    const preview = await project.run(["preview", "--config", "flyerMessage=Hello, I saw your NEW flyer"]);
    assert.notEqual(preview.code, 0, "the preview fails");
    assert.match(preview.stdout, new RegExp(`invalidationPolicy "deny" forbids changing prefilledMessage\\b.*${String(flyer?.outputs?.qrdlCode)}`));
    assert.deepEqual(writes(), []);
    await project.ok(["config", "set", "--secret", "flyerMessage", FLYER_MESSAGE]);
  });

  it("a refresh after a console edit records the drift, and the next up restores the declared message", async () => {
    const storeFront = await codes("storeFront")();
    emulator.editCode(PHONE, String(storeFront?.outputs?.qrdlCode), { prefilledMessage: "Edited in the console" });
    await project.ok(["refresh", "--yes"]);
    assert.equal((await codes("storeFront")())?.outputs?.prefilledMessage, "Edited in the console");
    await project.ok(["up", "--yes"]);
    const restored = await codes("storeFront")();
    assert.equal(emulator.codes().find((c) => c.qrdlCode === restored?.outputs?.qrdlCode)?.prefilledMessage, "Hi! I'd like to order from the store front.");
  });

  it("`pulumi import cams:index:PhoneMessageQrdl <name> <id>` adopts a code made outside Pulumi from its id alone; the program then previews no changes", async () => {
    const outside = providerFor(emulator);
    const made = await outside.create({ phoneNumber: PHONE, prefilledMessage: "Made in the console", generateQrImage: "PNG", invalidationPolicy: "update" });
    const yaml = path.join(workDir, "Pulumi.yaml");
    const declaration = `  console:\n    type: cams:index:PhoneMessageQrdl\n    properties:\n      phoneNumber: \${phoneNumber}\n      prefilledMessage: Made in the console\n`;
    fs.writeFileSync(yaml, fs.readFileSync(yaml, "utf8").replace("\noutputs:", `${declaration}\noutputs:`));
    const imported = await project.ok(["import", "cams:index:PhoneMessageQrdl", "console", made.id, "--yes", "--protect=false", "--generate-code=false"]);
    assert.match(imported.stdout, /1 imported/);
    await project.ok(["preview", "--expect-no-changes"]);
    assert.equal((await codes("console")())?.outputs?.qrdlCode, made.outs?.qrdlCode);
  });

  it("destroy leaves no code in CAMS and no resource in the stack", async () => {
    await project.ok(["destroy", "--yes"]);
    assert.deepEqual(emulator.codes().filter((c) => c.phoneNumber === PHONE), []);
    assert.deepEqual(await stateResources(project), []);
  });
});
