/** A read-only view of stack configuration, keyed with namespace (`alicloud:region`). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Where and how the client reaches CAMS. */
export interface ClientSettings {
  regionId: string;
  /** Host (and port) overriding `cams.<region>.aliyuncs.com`, e.g. a local emulator. */
  endpoint?: string;
  protocol: "HTTPS" | "HTTP";
  /** Calls per second per AccessKey across the provider process (CAMS allows 5). */
  maxCallsPerSecond: number;
  /** Per-call timeout. */
  timeoutMs: number;
}

/** The only region CAMS documents. */
export const DEFAULT_REGION = "ap-southeast-1";

/** Reads client settings from stack config first, then the environment, then defaults. */
export function resolveSettings(config: ConfigSource, env: NodeJS.ProcessEnv = process.env): ClientSettings {
  const pick = (configKeys: string[], envKeys: string[]): string | undefined => {
    for (const k of configKeys) {
      const v = config.get(k);
      if (v !== undefined && v !== "") return v;
    }
    for (const k of envKeys) {
      const v = env[k];
      if (v !== undefined && v !== "") return v;
    }
    return undefined;
  };
  const protocol = (pick(["cams:protocol"], ["CAMS_PROTOCOL"]) ?? "HTTPS").toUpperCase();
  if (protocol !== "HTTPS" && protocol !== "HTTP") {
    throw new Error(`cams:protocol / CAMS_PROTOCOL must be "HTTPS" or "HTTP", got "${protocol}"`);
  }
  return {
    regionId: pick(["alicloud:region"], ["ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION"]) ?? DEFAULT_REGION,
    endpoint: pick(["cams:endpoint"], ["CAMS_ENDPOINT"]),
    protocol,
    maxCallsPerSecond: positiveNumber(
      "cams:maxCallsPerSecond / CAMS_MAX_CALLS_PER_SECOND",
      pick(["cams:maxCallsPerSecond"], ["CAMS_MAX_CALLS_PER_SECOND"]),
      5,
    ),
    timeoutMs: positiveNumber("cams:timeoutMs / CAMS_TIMEOUT_MS", pick(["cams:timeoutMs"], ["CAMS_TIMEOUT_MS"]), 15000),
  };
}

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}
