import { strict as assert } from "assert";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { DEMO_CREDENTIAL, type CamsEmulator } from "../../emulator";
import { resolveSettings } from "../../provider/client/settings";
import { CamsPlugin, PHONE_MESSAGE_QRDL_TOKEN } from "../../provider/plugin/camsPlugin";
import { pluginConfig } from "../../provider/plugin/pluginConfig";
import { providerFor, startEmulator } from "../provider/fixtures";

const URN = `urn:pulumi:test::shop::${PHONE_MESSAGE_QRDL_TOKEN}::storeFront`;
const secret = (value: string) => ({ [specialSigKey]: specialSecretSig, value });

function plugin(): CamsPlugin & { warnings: Array<{ message: string; urn?: string }> } {
  const warnings: Array<{ message: string; urn?: string }> = [];
  const p = new CamsPlugin({ version: "0.0.0", schema: () => "{}", warn: async (message, urn) => void warnings.push({ message, urn }) });
  return Object.assign(p, { warnings });
}

describe("the provider plugin's front door", () => {
  it("stack config cams:endpoint, cams:protocol and cams:timeoutMs reach the plugin's client as they reach the dynamic resource's", () => {
    const config = pluginConfig({ endpoint: "127.0.0.1:8790", protocol: "HTTP", timeoutMs: 3000, region: "ap-southeast-1" });
    const settings = resolveSettings(config, {});
    assert.equal(settings.endpoint, "127.0.0.1:8790");
    assert.equal(settings.protocol, "HTTP");
    assert.equal(settings.timeoutMs, 3000);
    assert.equal(settings.regionId, "ap-southeast-1");
  });

  it("the plugin's cams:accessKey and cams:secretKey (a Pulumi secret) stand where the dynamic resource reads alicloud:accessKey and alicloud:secretKey", () => {
    const config = pluginConfig({ accessKey: "LTAI-id", secretKey: secret("s3cr3t") });
    assert.equal(config.get("alicloud:accessKey"), "LTAI-id");
    assert.equal(config.get("alicloud:secretKey"), "s3cr3t");
    assert.equal(config.get("aws:region"), undefined, "other namespaces are not the plugin's");
  });

  it("check normalises with the URN the engine passes: no __urn enters the inputs", async () => {
    const result = await plugin().check(URN, {}, { phoneNumber: "+86 158-0000-0000", prefilledMessage: "Hi" });
    assert.deepEqual(result.failures, undefined);
    assert.deepEqual(result.inputs, { phoneNumber: "8615800000000", prefilledMessage: "Hi", generateQrImage: "PNG", invalidationPolicy: "update" });
  });

  it("a message marked secret stays a secret in the inputs check returns, so the engine never stores it in clear", async () => {
    const result = await plugin().check(URN, {}, { phoneNumber: "8615800000000", prefilledMessage: secret("Promo 1234") });
    assert.deepEqual(result.failures, undefined, "the secret is checked in clear");
    assert.deepEqual(result.inputs.prefilledMessage, secret("Promo 1234"));
    assert.equal(result.inputs.phoneNumber, "8615800000000", "other inputs stay plain");
  });

  it("check reports every bad property by name, as the dynamic resource does", async () => {
    const result = await plugin().check(URN, {}, { phoneNumber: 8615800000000, prefilledMessage: "" });
    assert.deepEqual(result.failures?.map((f) => f.property).sort(), ["", "phoneNumber"]);
    // A prefilledMessage failure leaves the property field empty, so the engine never prints the (possibly secret) value beside it.
    assert.match(result.failures?.find((f) => f.property === "")?.reason ?? "", /^prefilledMessage\b/);
  });

  it("a preview of a message change warns under the resource's own name and URN", async () => {
    const p = plugin();
    const oldInputs = { phoneNumber: "8615800000000", prefilledMessage: "Hi", generateQrImage: "PNG", invalidationPolicy: "update" };
    const olds = { ...oldInputs, qrdlCode: "ABCD1234", deepLinkUrl: "https://wa.me/message/ABCD1234", qrImageUrl: "x" };
    // The engine checks a planned change's inputs before it diffs them; a refresh's diff is never checked.
    const { inputs } = await p.check(URN, oldInputs, { ...oldInputs, prefilledMessage: "Hello" });
    const diff = await p.diff("8615800000000/ABCD1234", URN, olds, inputs);
    assert.equal(diff.changes, true);
    assert.equal(p.warnings.length, 1);
    assert.match(p.warnings[0].message, /^PhoneMessageQrdl "storeFront": changing prefilledMessage updates QR code ABCD1234/);
    assert.doesNotMatch(p.warnings[0].message, /Hello/, "the message may be a secret: the warning names the property only");
    assert.equal(p.warnings[0].urn, URN);
  });

  it("a bad cams:protocol refuses the preview, naming the setting, as it does for the dynamic resource", async () => {
    const p = plugin();
    await p.configure({ protocol: "FTP" });
    await assert.rejects(p.check(URN, {}, { phoneNumber: "8615800000000", prefilledMessage: "Hi" }), /cams:protocol/);
  });

  it("a resource type the plugin does not serve is refused by name", async () => {
    await assert.rejects(plugin().check("urn:pulumi:test::shop::cams:index:Other::x", {}, {}), /serves cams:index:PhoneMessageQrdl only, not cams:index:Other/);
  });
});

describe("the provider plugin against the emulator", () => {
  let emulator: CamsEmulator;
  before(async () => (emulator = await startEmulator()));
  after(() => emulator.close());

  it("read serves `pulumi import` from the id alone: the inputs that would declare the code", async () => {
    const made = await providerFor(emulator).create({ phoneNumber: "8615800000000", prefilledMessage: "Made in the console", generateQrImage: "SVG", invalidationPolicy: "update" });
    const p = plugin();
    await p.configure({ endpoint: emulator.endpoint, protocol: "HTTP", accessKey: DEMO_CREDENTIAL.accessKeyId, secretKey: secret(DEMO_CREDENTIAL.accessKeySecret), maxCallsPerSecond: 1000 });
    const read = await p.read(made.id, URN, {});
    assert.equal(read.id, made.id);
    assert.deepEqual(read.inputs, { phoneNumber: "8615800000000", prefilledMessage: "Made in the console", generateQrImage: "SVG", invalidationPolicy: "update" });
    assert.equal(read.props.qrdlCode, made.outs?.qrdlCode);
  });

  it("a message marked secret stays a secret in the outputs of create, update and refresh", async () => {
    const p = plugin();
    await p.configure({ endpoint: emulator.endpoint, protocol: "HTTP", accessKey: DEMO_CREDENTIAL.accessKeyId, secretKey: DEMO_CREDENTIAL.accessKeySecret, maxCallsPerSecond: 1000 });
    const inputs = { phoneNumber: "8615800000000", prefilledMessage: secret("Promo 1234"), generateQrImage: "PNG", invalidationPolicy: "update" };
    const created = await p.create(URN, inputs);
    assert.deepEqual(created.outs.prefilledMessage, secret("Promo 1234"));
    const updated = await p.update(created.id, URN, created.outs, { ...inputs, prefilledMessage: secret("Promo 5678") });
    assert.deepEqual(updated.outs.prefilledMessage, secret("Promo 5678"));
    const refreshed = await p.read(`8615800000000/${updated.outs.qrdlCode}`, URN, updated.outs);
    assert.deepEqual(refreshed.props.prefilledMessage, secret("Promo 5678"));
    assert.deepEqual(refreshed.inputs.prefilledMessage, secret("Promo 5678"));
  });

  it("read of a code deleted outside Pulumi answers an empty id, which the engine takes as gone", async () => {
    const p = plugin();
    await p.configure({ endpoint: emulator.endpoint, protocol: "HTTP", accessKey: DEMO_CREDENTIAL.accessKeyId, secretKey: DEMO_CREDENTIAL.accessKeySecret });
    assert.deepEqual(await p.read("8615800000000/GONE1234", URN, {}), { id: "", props: {} });
  });
});
