import type { CheckFailure } from "@pulumi/pulumi/dynamic";
import { z } from "zod";

/**
 * Properties whose failures are reported without the property field: the engine prints the
 * program's value beside a property failure, in clear even when it is a pulumi.secret. Their
 * reasons start with the property's name instead.
 */
const MAYBE_SECRET = new Set(["prefilledMessage"]);

/** One Pulumi check failure per zod issue, naming the property, so every bad field is reported at once. @internal zod stays out of the published declarations. */
export function toCheckFailures(error: z.ZodError): CheckFailure[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ property: key, reason: issue.message }));
    }
    const property = issue.path.length ? String(issue.path[0]) : "";
    return [{ property: MAYBE_SECRET.has(property) ? "" : property, reason: issue.message }];
  });
}
