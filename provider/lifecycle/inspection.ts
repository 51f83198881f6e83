import type * as dynamic from "@pulumi/pulumi/dynamic";
import { InvalidationDeniedError } from "../errors/lifecycleErrors";
import { checkQrdl } from "./check";
import { diffQrdl } from "./diff";
import type { Warn } from "./reporter";
import { ProviderInputs, QrdlOutputs } from "./types";

/**
 * Check and diff for one provider process. The engine also calls Diff while refreshing (olds = what
 * CAMS holds, news = the inputs in the state), to show drift; nothing will change then, so such a
 * diff must neither warn nor refuse. A planned change always has its inputs checked first in the
 * same process, a refresh never does: that is how the two are told apart.
 */
export class Inspection {
  /** URNs checked with old inputs in this run: the engine checks a replacement again without them. */
  private readonly inState = new Set<string>();
  /** The inputs check returned in this process, as planned changes will hand them to diff. */
  private readonly checked = new Set<string>();

  /** Validates and normalises inputs; see checkQrdl. */
  check(olds: ProviderInputs, news: ProviderInputs, urn: string | undefined): dynamic.CheckResult<ProviderInputs> {
    const hasOlds = olds !== undefined && olds !== null && Object.keys(olds).length > 0;
    if (urn && hasOlds) this.inState.add(urn);
    const exists = hasOlds || (urn !== undefined && this.inState.has(urn));
    const result = checkQrdl(news as unknown as Record<string, unknown>, { exists, olds: hasOlds ? olds : undefined });
    if (result.inputs && !result.failures?.length) this.checked.add(fingerprint(result.inputs));
    return result;
  }

  /** Diffs; warns about, or refuses, only a planned change, never the drift a refresh shows. */
  async diff(olds: QrdlOutputs, news: ProviderInputs, warn: Warn, urn: string | undefined): Promise<dynamic.DiffResult> {
    const { result, warning, refusal } = diffQrdl(olds, news, urn);
    if (!this.checked.has(fingerprint(news))) return result;
    if (refusal) throw new InvalidationDeniedError(refusal);
    if (warning) await warn(warning, urn);
    return result;
  }
}

/** The inputs without the serialized provider, which the host adds back itself, in a stable order. */
function fingerprint(inputs: ProviderInputs): string {
  const { __provider: _provider, ...rest } = inputs as ProviderInputs & { __provider?: unknown };
  return JSON.stringify(Object.keys(rest).sort().map((k) => [k, (rest as Record<string, unknown>)[k]]));
}
