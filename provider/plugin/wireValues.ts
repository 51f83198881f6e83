import { unwrapRpcSecret } from "@pulumi/pulumi/runtime/rpc";

/** A property bag as the SDK's provider server decodes it: secrets still wrapped, unknowns as a sentinel. */
export type WireProperties = Record<string, unknown>;

/**
 * The properties with their secrets unwrapped, as the lifecycle takes them. The engine marks the
 * results secret again where the inputs were, so nothing secret leaves the plugin in clear.
 */
export function plainProperties<T>(properties: WireProperties | undefined): T {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties ?? {})) plain[key] = unwrapRpcSecret(value);
  return plain as T;
}
