import { z } from "zod";
import type { QrdlOutputs } from "../lifecycle/types";
import { MAX_PREFILLED_MESSAGE_LENGTH, QrdlInputs, qrdlInputsSchema } from "../schemas/inputs";
import { PHONE_MESSAGE_QRDL_TOKEN } from "./camsPlugin";

/** One property of a Pulumi package schema. */
interface SchemaProperty {
  type: "string" | "number";
  description: string;
  default?: unknown;
  secret?: boolean;
}

/** What each input means; typed by the zod schema's keys, so a new input cannot go undescribed. */
const INPUT_DESCRIPTIONS: Record<keyof QrdlInputs, string> = {
  phoneNumber: "The WhatsApp business number, country code first; `+`, spaces and dashes are ignored. Changing it replaces the code.",
  prefilledMessage: `The text WhatsApp pre-fills when the code is scanned: 1 to ${MAX_PREFILLED_MESSAGE_LENGTH} characters.`,
  generateQrImage: 'The QR image format CAMS renders: `"PNG"` (default) or `"SVG"`.',
  custSpaceId: "The ISV sub-customer's SpaceId or the direct customer's instance id. Changing it replaces the code.",
  invalidationPolicy:
    'What a change of `prefilledMessage` or `generateQrImage` does, since it stops printed copies from working: `"update"` (default) updates in place with a warning in the preview, `"replace"` creates a new code, `"deny"` fails the preview.',
  adoptQrdlCode: "Take over this existing code when the resource is first created, instead of making a new one; its live content must match the declaration.",
};

/** What CAMS issues, beside the inputs. */
const OUTPUT_DESCRIPTIONS: Record<Exclude<keyof QrdlOutputs, keyof QrdlInputs | "pendingUpdate">, string> = {
  qrdlCode: "The code CAMS issued; it changes when an update makes CAMS issue a new one.",
  deepLinkUrl: "`https://wa.me/message/<code>`: the link the QR image encodes.",
  qrImageUrl: "Where CAMS serves the QR image (PNG or SVG).",
};

/** The provider's configuration: `cams:<key>` in stack config, or arguments of an explicit provider. */
const CONFIG: Record<string, SchemaProperty> = {
  endpoint: { type: "string", description: "Host (and port) overriding `cams.<region>.aliyuncs.com`, e.g. a local emulator. Environment: `CAMS_ENDPOINT`." },
  protocol: { type: "string", description: '`"HTTPS"` (default) or `"HTTP"`. Environment: `CAMS_PROTOCOL`.' },
  region: { type: "string", description: "CAMS's region (default `ap-southeast-1`, the only one CAMS documents); the same key as the dynamic resource's. Environment: `CAMS_REGION`." },
  accessKey: { type: "string", secret: true, description: "AccessKey id. Without it, the `ALIBABA_CLOUD_*` environment chain is used (variables, OIDC role, CLI profile, credentials file, ECS RAM role, credentials URI)." },
  secretKey: { type: "string", secret: true, description: "AccessKey secret, paired with `accessKey`." },
  securityToken: { type: "string", secret: true, description: "STS token, for temporary credentials." },
  profile: { type: "string", description: "The CLI or credentials-file profile to use. Environment: `ALIBABA_CLOUD_PROFILE`." },
  timeoutMs: { type: "number", description: "Read timeout in milliseconds: how long to wait for the answer once the request is sent (default 15000). Environment: `CAMS_TIMEOUT_MS`." },
  connectTimeoutMs: { type: "number", description: "Connect timeout in milliseconds: how long to wait for the connection, before anything is sent (default 5000). Environment: `CAMS_CONNECT_TIMEOUT_MS`." },
  maxCallsPerSecond: { type: "number", description: "Calls per second per AccessKey, shared by every provider process of the machine (CAMS allows 5). Environment: `CAMS_MAX_CALLS_PER_SECOND`." },
};

/** The inputs as the zod schema accepts them: types, required keys and defaults come from it. */
function inputProperties(): { properties: Record<string, SchemaProperty>; required: string[] } {
  const json = z.toJSONSchema(qrdlInputsSchema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, { type?: string; default?: unknown }>;
    required?: string[];
  };
  const properties: Record<string, SchemaProperty> = {};
  for (const [name, description] of Object.entries(INPUT_DESCRIPTIONS)) {
    const zodProperty = json.properties[name];
    if (zodProperty?.type !== "string") throw new Error(`schema: input ${name} is not a string in the zod schema`);
    properties[name] = { type: "string", description, ...(zodProperty.default === undefined ? {} : { default: zodProperty.default }) };
  }
  return { properties, required: json.required ?? [] };
}

/** The Pulumi package schema of `pulumi-resource-cams` at `version`. */
export function packageSchema(version: string): Record<string, unknown> {
  const inputs = inputProperties();
  const outputs: Record<string, SchemaProperty> = { ...inputs.properties };
  for (const [name, description] of Object.entries(OUTPUT_DESCRIPTIONS)) outputs[name] = { type: "string", description };
  return {
    name: "cams",
    displayName: "Alibaba Cloud CAMS",
    version,
    description: "WhatsApp message QR codes (Alibaba Cloud CAMS PhoneMessageQrdl) as Pulumi resources.",
    keywords: ["pulumi", "alibaba-cloud", "cams", "whatsapp", "qr-code", "kind/native"],
    license: "Apache-2.0",
    config: { variables: CONFIG },
    provider: { description: "The provider of CAMS resources.", inputProperties: CONFIG },
    resources: {
      [PHONE_MESSAGE_QRDL_TOKEN]: {
        description: "A WhatsApp message QR code (CAMS `PhoneMessageQrdl`): a deep link and QR image that open a chat with a pre-filled message.",
        inputProperties: inputs.properties,
        requiredInputs: inputs.required,
        properties: outputs,
        required: ["phoneNumber", "prefilledMessage", "generateQrImage", "invalidationPolicy", ...Object.keys(OUTPUT_DESCRIPTIONS)],
      },
    },
    language: {
      nodejs: { packageName: "@pulumi-cams/cams", dependencies: { "@pulumi/pulumi": "^3.0.0" } },
      python: { packageName: "pulumi_cams" },
    },
  };
}
