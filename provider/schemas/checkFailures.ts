import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { z } from "zod";

/** One Pulumi check failure per zod issue, naming the property, so every bad field is reported at once. */
export function toCheckFailures(error: z.ZodError): CheckFailure[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ property: key, reason: issue.message }));
    }
    return [{ property: issue.path.length ? String(issue.path[0]) : "", reason: issue.message }];
  });
}
