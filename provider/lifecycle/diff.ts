import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { InvalidationDeniedError } from "../errors/lifecycleErrors";
import { contentChanges, invalidationDeniedMessage, invalidationWarning, pendingDenyWarning, resourceName } from "./invalidation";
import { ProviderInputs, QrdlOutputs, URN_KEY } from "./types";

/** Properties whose change means another code: CAMS cannot move a code between numbers or spaces. */
const REPLACING_PROPERTIES = ["phoneNumber", "custSpaceId"] as const;

/** A diff, and the warning a reviewer must read when it makes printed copies stop working. */
export interface QrdlDiff {
  result: DiffResult;
  warning?: string;
}

/** Diffs state against new inputs; purely local, so a preview makes no CAMS call. */
export function diffQrdl(olds: QrdlOutputs, news: ProviderInputs, urn: string | undefined = news[URN_KEY]): QrdlDiff {
  let warning: string | undefined;
  const replaces: string[] = REPLACING_PROPERTIES.filter((p) => (olds[p] ?? "") !== (news[p] ?? ""));
  const content = contentChanges(olds, news);
  const policyChanged = (olds.invalidationPolicy ?? "update") !== news.invalidationPolicy;

  if (content.length && !replaces.length) {
    const name = resourceName(urn, olds);
    // A value known only at apply may turn out unchanged: deny refuses it then, when the engine diffs again.
    const known = content.filter((c) => c.to !== unknownValue);
    switch (news.invalidationPolicy) {
      case "deny":
        if (known.length) throw new InvalidationDeniedError(invalidationDeniedMessage(name, olds, known));
        warning = pendingDenyWarning(name, olds, content);
        break;
      case "replace":
        replaces.push(...content.map((c) => c.property));
        break;
      default:
        warning = invalidationWarning(name, olds, content);
    }
  }
  return { result: { changes: replaces.length > 0 || content.length > 0 || policyChanged, replaces, deleteBeforeReplace: false }, warning };
}
