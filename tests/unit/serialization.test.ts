import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { forwardingProvider } from "../../provider/resource/forwardingProvider";
import * as lifecycle from "../../provider/lifecycle";

// Pulumi's dynamic provider host loads the serialized text with require-from-string.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString: (code: string) => { handler: () => pulumi.dynamic.ResourceProvider } = require("require-from-string");

const SECRET = "s3cr3t-never-in-state-7f1c";
const ACCESS_KEY = "LTAI-config-value-9d2e";

/** Serializes a provider exactly as pulumi.dynamic.Resource does: a closure over a plain variable. */
async function serializeLikePulumi(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}

describe("serialized provider", () => {
  let text: string;

  before(async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = SECRET;
    await lifecycle.provider.configure({ config: { get: (k: string) => ({ "alicloud:accessKey": ACCESS_KEY, "alicloud:secretKey": SECRET })[k], require: () => "" } });
    text = await serializeLikePulumi(forwardingProvider);
  });

  after(() => {
    delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  });

  it("is at most 2 KB", () => {
    assert.ok(Buffer.byteLength(text) <= 2048, `serialized provider is ${Buffer.byteLength(text)} bytes`);
  });

  it("contains no credential, config value or implementation", () => {
    assert.ok(!text.includes(SECRET), "secret in serialized provider");
    assert.ok(!text.includes(ACCESS_KEY), "config value in serialized provider");
    for (const implementationDetail of ["CamsClient", "zod", "ListPhoneMessageQrdl", "aliyuncs"]) {
      assert.ok(!text.includes(implementationDetail), `"${implementationDetail}" in serialized provider`);
    }
  });

  it("loads the installed package by name when called", async () => {
    assert.match(text, /require\("pulumi-cams\/lifecycle"\)/);
    const provider = requireFromString(text).handler();
    const result = await provider.check!({}, { phoneNumber: "+86 158 0000 0000", prefilledMessage: "Hi" });
    assert.equal(result.inputs.phoneNumber, "8615800000000", "the stub forwarded to the real check");
  });
});
