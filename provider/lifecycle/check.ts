import type { CheckResult } from "@pulumi/pulumi/dynamic";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { toCheckFailures } from "../schemas/checkFailures";
import { QrdlInputs, qrdlInputsSchema } from "../schemas/inputs";
import { userInputs } from "./outputs";
import { ProviderInputs, URN_KEY } from "./types";

/** The key of the serialized provider, which the host puts back itself. */
const PROVIDER_KEY = "__provider";

/** Valid stand-ins for values not known until apply (preview of outputs from other resources). */
const STAND_INS: Record<keyof QrdlInputs, string> = {
  phoneNumber: "10000000000",
  prefilledMessage: "unknown",
  generateQrImage: "PNG",
  custSpaceId: "unknown",
  invalidationPolicy: "update",
  adoptQrdlCode: "UNKNOWN",
};

/**
 * Validates and normalises inputs, reporting every bad property at once; unknown values pass.
 * `adoptQrdlCode` counts only for a resource not yet in the state: a replacement must make a new
 * code, never adopt the old one again.
 */
export function checkQrdl(news: Record<string, unknown>, { exists = false } = {}): CheckResult<ProviderInputs> {
  const { [PROVIDER_KEY]: _provider, [URN_KEY]: urn, ...user } = news;
  const unknown = Object.keys(user).filter((k) => user[k] === unknownValue);
  const probe = { ...user };
  for (const key of unknown) if (key in STAND_INS) probe[key] = STAND_INS[key as keyof QrdlInputs];

  const parsed = qrdlInputsSchema.safeParse(probe);
  if (!parsed.success) return { inputs: news as unknown as ProviderInputs, failures: toCheckFailures(parsed.error) };

  const inputs: Record<string, unknown> = { ...userInputs({ ...parsed.data, adoptQrdlCode: exists ? undefined : parsed.data.adoptQrdlCode }) };
  for (const key of unknown) inputs[key] = unknownValue;
  if (typeof urn === "string") inputs[URN_KEY] = urn;
  return { inputs: inputs as unknown as ProviderInputs };
}
