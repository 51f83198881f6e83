import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { InvalidationPolicy, QrdlInputs } from "../schemas/inputs";
import type { QrdlOutputs } from "./types";

/** The content properties whose change makes printed copies of a code stop working. */
export const INVALIDATING_PROPERTIES = ["prefilledMessage", "generateQrImage"] as const;

/** Properties whose change means another code: CAMS cannot move a code between numbers or spaces. */
export const REPLACING_PROPERTIES = ["phoneNumber", "custSpaceId"] as const;

/** A property whose change stops the printed copies of the current code from working. */
export type ChangedProperty = (typeof INVALIDATING_PROPERTIES)[number] | (typeof REPLACING_PROPERTIES)[number];

/** One property that differs; only its name, since its values may be secret. */
export interface PropertyChange {
  property: ChangedProperty;
  /** False when the new value is known only at apply, so it may turn out unchanged. */
  known: boolean;
}

/** What a change does to the current code, by property. */
export interface CodeChanges {
  /** Content changes: follow the invalidation policy. */
  content: PropertyChange[];
  /** Number or space changes: always a new code. */
  place: PropertyChange[];
}

/** The strictness of each policy: relaxing it in the same change as an edit deserves a reviewer's eye. */
const STRICTNESS: Record<InvalidationPolicy, number> = { update: 0, replace: 1, deny: 2 };

/** A state written by an older version may lack a property that had a default then: it had that default. */
export function stateWithDefaults(olds: QrdlOutputs): QrdlOutputs {
  return { ...olds, generateQrImage: olds.generateQrImage ?? "PNG", invalidationPolicy: olds.invalidationPolicy ?? "update" };
}

/** The properties that differ between a state (defaults filled in) and new inputs. */
export function codeChanges(olds: QrdlOutputs, news: QrdlInputs): CodeChanges {
  const changed = (property: ChangedProperty): PropertyChange[] =>
    (olds[property] ?? "") === (news[property] ?? "") ? [] : [{ property, known: (news[property] as string | undefined) !== unknownValue }];
  return { content: INVALIDATING_PROPERTIES.flatMap(changed), place: REPLACING_PROPERTIES.flatMap(changed) };
}

/** Whether the new policy is known and less strict than the old one. */
export function relaxes(from: InvalidationPolicy, to: InvalidationPolicy): boolean {
  return (to as string) !== unknownValue && STRICTNESS[to] < STRICTNESS[from];
}
