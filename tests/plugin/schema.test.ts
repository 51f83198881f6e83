import { strict as assert } from "assert";
import { INPUT_PROPERTIES } from "../../provider/schemas/inputs";
import { PHONE_MESSAGE_QRDL_TOKEN } from "../../provider/plugin/camsPlugin";
import { packageSchema } from "../../provider/plugin/schema";

type Resource = { inputProperties: Record<string, { type: string; description: string; default?: unknown }>; requiredInputs: string[]; properties: Record<string, unknown>; required: string[] };

describe("the plugin's package schema", () => {
  const schema = packageSchema("1.2.3") as { name: string; version: string; resources: Record<string, Resource>; config: { variables: Record<string, { secret?: boolean }> } };
  const resource = schema.resources[PHONE_MESSAGE_QRDL_TOKEN];

  it("declares cams:index:PhoneMessageQrdl with exactly the inputs the zod schema accepts, each described", () => {
    assert.equal(schema.name, "cams");
    assert.equal(schema.version, "1.2.3");
    assert.deepEqual(Object.keys(resource.inputProperties).sort(), [...INPUT_PROPERTIES].sort());
    for (const [name, p] of Object.entries(resource.inputProperties)) assert.ok(p.description.length > 20, `${name} is described`);
  });

  it("takes required inputs and defaults from the zod schema", () => {
    assert.deepEqual(resource.requiredInputs.sort(), ["phoneNumber", "prefilledMessage"]);
    assert.equal(resource.inputProperties.invalidationPolicy.default, "update");
  });

  it("declares the outputs CAMS issues beside the inputs", () => {
    for (const name of ["qrdlCode", "deepLinkUrl", "qrImageUrl", ...INPUT_PROPERTIES]) assert.ok(name in resource.properties, name);
  });

  it("declares the provider's configuration, credentials as secrets", () => {
    const variables = schema.config.variables;
    for (const key of ["endpoint", "protocol", "region", "accessKey", "secretKey", "securityToken", "timeoutMs", "connectTimeoutMs", "maxCallsPerSecond"]) assert.ok(key in variables, key);
    for (const key of ["accessKey", "secretKey", "securityToken"]) assert.equal(variables[key].secret, true, key);
  });
});
