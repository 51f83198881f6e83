import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { INPUT_PROPERTIES } from "../../provider/schemas/inputs";

/** The property a failure names: its field, or for a possibly secret one (reported without the field, so the engine prints no value) the input its reason starts with. */
export function failedProperty(failure: CheckFailure): string {
  return failure.property || INPUT_PROPERTIES.find((p) => failure.reason.startsWith(`${p} `)) || "";
}
