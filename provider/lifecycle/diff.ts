import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { codeChanges, relaxes, stateWithDefaults } from "./invalidation";
import { deniedMessage, moveWarning, pendingDenyWarning, relaxedNote, replaceNotice, resourceName, unknownPolicyWarning, updateWarning } from "./notices";
import { ProviderInputs, QrdlOutputs, URN_KEY } from "./types";

/**
 * A diff, and what a reviewer must read if it is a planned change: a warning, or the refusal of
 * policy "deny". Both are values: only the caller knows whether this diff plans a change or shows
 * the drift a refresh found, and drift must neither warn nor fail.
 */
export interface QrdlDiff {
  result: DiffResult;
  warning?: string;
  refusal?: string;
}

/** Diffs state against new inputs; purely local, so a preview makes no CAMS call, and it never throws. */
export function diffQrdl(state: QrdlOutputs, news: ProviderInputs, urn: string | undefined = news[URN_KEY]): QrdlDiff {
  const olds = stateWithDefaults(state);
  const { content, place } = codeChanges(olds, news);
  const policy = news.invalidationPolicy;
  const replaces: string[] = place.map((c) => c.property);
  const changes = content.length > 0 || place.length > 0 || olds.invalidationPolicy !== policy;
  const result = (): DiffResult => ({ changes, replaces, deleteBeforeReplace: false });
  const invalidating = [...place, ...content];
  if (!invalidating.length) return { result: result() };

  const name = resourceName(urn, olds);
  if ((policy as string) === unknownValue) {
    // The worst the policy can turn out to be: a new code, and the warning names every outcome.
    replaces.push(...content.map((c) => c.property));
    return { result: result(), warning: unknownPolicyWarning(name, olds, invalidating) };
  }
  const note = relaxes(olds.invalidationPolicy, policy) ? relaxedNote(olds.invalidationPolicy, policy) : "";
  switch (policy) {
    case "deny": {
      // A value known only at apply may turn out unchanged: deny refuses it then, when the engine diffs again.
      const known = invalidating.filter((c) => c.known);
      return known.length
        ? { result: result(), refusal: deniedMessage(name, olds, known) }
        : { result: result(), warning: pendingDenyWarning(name, olds, invalidating) };
    }
    case "replace":
      replaces.push(...content.map((c) => c.property));
      // The user chose a new code for a change: only a policy relaxed in the same change needs saying.
      return note ? { result: result(), warning: replaceNotice(name, olds, invalidating) + note } : { result: result() };
    default:
      return { result: result(), warning: (place.length ? moveWarning(name, olds, place) : updateWarning(name, olds, content)) + note };
  }
}
