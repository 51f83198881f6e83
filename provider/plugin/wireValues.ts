import { isRpcSecret, specialSecretSig, specialSigKey, unwrapRpcSecret } from "@pulumi/pulumi/runtime/rpc";

/** A property bag as the SDK's provider server decodes it: secrets still wrapped, unknowns as a sentinel. */
export type WireProperties = Record<string, unknown>;

/** The properties with their secrets unwrapped, as the lifecycle takes them. */
export function plainProperties<T>(properties: WireProperties | undefined): T {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties ?? {})) plain[key] = unwrapRpcSecret(value);
  return plain as T;
}

/** The names of the properties that arrived as secrets, in any of `bags`. */
export function secretNames(...bags: Array<WireProperties | undefined>): Set<string> {
  return new Set(bags.flatMap((bag) => Object.entries(bag ?? {}).filter(([, value]) => isRpcSecret(value)).map(([key]) => key)));
}

/**
 * `properties` with the named ones wrapped as secrets again. The plugin tells the engine it accepts
 * secrets, so the engine stores what it returns as it is: a secret returned in clear is stored in clear.
 */
export function withSecrets<T extends object | undefined>(properties: T, names: Set<string>): T {
  if (!properties || names.size === 0) return properties;
  const wrapped: Record<string, unknown> = { ...properties };
  for (const name of names) if (name in wrapped) wrapped[name] = { [specialSigKey]: specialSecretSig, value: wrapped[name] };
  return wrapped as T;
}
