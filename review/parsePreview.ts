import { z } from "zod";

/** A resource's state as `pulumi preview --json` prints it (the fields the review reads). */
export interface PreviewResourceState {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  retainOnDelete?: boolean;
}

/** One planned step: `op` is create, update, replace, delete, same, import, ... */
export interface PreviewStep {
  op: string;
  urn: string;
  oldState?: PreviewResourceState;
  newState?: PreviewResourceState;
  replaceReasons: string[];
}

/** A message the engine or a provider printed; `severity` is error, warning, info, info#err, ... */
export interface PreviewDiagnostic {
  urn?: string;
  message: string;
  severity: string;
}

/** The output of `pulumi preview --json`, reduced to what the review reads. */
export interface PreviewJson {
  steps: PreviewStep[];
  diagnostics: PreviewDiagnostic[];
}

/** The input is not the output of `pulumi preview --json`; the message says what was found instead. */
export class NotPreviewJsonError extends Error {
  override readonly name = "NotPreviewJsonError";
}

const resourceState = z.object({
  urn: z.string(),
  type: z.string(),
  id: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  outputs: z.record(z.string(), z.unknown()).optional(),
  retainOnDelete: z.boolean().optional(),
});

const previewSchema = z.object({
  steps: z
    .array(
      z.object({
        op: z.string(),
        urn: z.string(),
        oldState: resourceState.optional(),
        newState: resourceState.optional(),
        replaceReasons: z.array(z.string()).nullish().transform((r) => r ?? []),
      }),
    )
    .nullish()
    .transform((s) => s ?? []),
  diagnostics: z
    .array(z.object({ urn: z.string().optional(), message: z.string(), severity: z.string() }))
    .nullish()
    .transform((d) => d ?? []),
  changeSummary: z.record(z.string(), z.number()).nullish(),
});

/** Parses the text `pulumi preview --json` wrote, failing with a message that names what is wrong. */
export function parsePreview(text: string): PreviewJson {
  if (text.trim() === "") {
    throw new NotPreviewJsonError("the input is empty: pulumi preview printed no JSON (its error is in the job log, on standard error)");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new NotPreviewJsonError(`the input is not JSON (${(error as Error).message}): run \`pulumi preview --json\` and pass what it prints on standard output`);
  }
  // Each of these keys is in every preview --json document; requiring one rejects unrelated JSON.
  const known = json !== null && typeof json === "object" && ["steps", "diagnostics", "changeSummary"].some((k) => k in json);
  const parsed = previewSchema.safeParse(json);
  if (!known || !parsed.success) {
    const where = parsed.success ? "it has none of steps, diagnostics, changeSummary" : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new NotPreviewJsonError(`the input is JSON but not the output of \`pulumi preview --json\` (${where})`);
  }
  return { steps: parsed.data.steps, diagnostics: parsed.data.diagnostics };
}
