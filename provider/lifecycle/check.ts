import type { CheckResult } from "@pulumi/pulumi/dynamic";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { toCheckFailures } from "../schemas/checkFailures";
import { QrdlInputs, qrdlInputsSchema } from "../schemas/inputs";
import { codeChanges, stateWithDefaults } from "./invalidation";
import { userInputs } from "./outputs";
import { ISSUED_OUTPUTS, PREVIEW_KEY, ProviderInputs, QrdlOutputs, URN_KEY } from "./types";

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

/** What check knows beyond the new inputs. */
export interface CheckContext {
  /** The resource is in the state already (adoptQrdlCode then no longer counts). */
  exists?: boolean;
  /** The inputs in the state, when the engine passed them. */
  olds?: ProviderInputs;
}

/**
 * Validates and normalises inputs, reporting every bad property at once; unknown values pass.
 * `adoptQrdlCode` counts only for a resource not yet in the state: a replacement must make a new
 * code, never adopt the old one again.
 */
export function checkQrdl(news: Record<string, unknown>, { exists = false, olds }: CheckContext = {}): CheckResult<ProviderInputs> {
  const { [PROVIDER_KEY]: _provider, [URN_KEY]: urn, [PREVIEW_KEY]: preview, ...user } = news;
  const unknown = Object.keys(user).filter((k) => user[k] === unknownValue);
  const probe = { ...user };
  for (const key of unknown) if (key in STAND_INS) probe[key] = STAND_INS[key as keyof QrdlInputs];

  const parsed = qrdlInputsSchema.safeParse(probe);
  if (!parsed.success) return { inputs: news as unknown as ProviderInputs, failures: toCheckFailures(parsed.error) };

  const inputs: Record<string, unknown> = { ...userInputs({ ...parsed.data, adoptQrdlCode: exists ? undefined : parsed.data.adoptQrdlCode }) };
  for (const key of unknown) inputs[key] = unknownValue;
  if (typeof urn === "string") inputs[URN_KEY] = urn;
  // A preview gets the inputs back as the new outputs: the code, link and image CAMS issues anew show as unknown.
  if (preview === true && olds && reissues(olds, inputs as unknown as QrdlInputs)) for (const key of ISSUED_OUTPUTS) inputs[key] = unknownValue;
  return { inputs: inputs as unknown as ProviderInputs };
}

/** Whether applying the new inputs may make CAMS issue another code (an update or a replacement). */
function reissues(olds: ProviderInputs, news: QrdlInputs): boolean {
  const { content, place } = codeChanges(stateWithDefaults(olds as QrdlOutputs), news);
  return content.length > 0 || place.length > 0;
}
