import { InvalidSettingError } from "../errors/configErrors";
import { parseEndpoint } from "./endpoint";

/** A read-only view of stack configuration, keyed with namespace (`cams:region`). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Where and how the client reaches CAMS. */
export interface ClientSettings {
  /** CAMS's own region (`cams:region`); never `alicloud:region`, which places a stack's other resources. */
  regionId: string;
  /** The host[:port] every call goes to: `cams:endpoint`, or `cams.<regionId>.aliyuncs.com`. */
  endpoint: string;
  protocol: "HTTPS" | "HTTP";
  /** Calls per second per AccessKey across the provider process (CAMS allows 5). */
  maxCallsPerSecond: number;
  /** How long to wait for an answer once the request is on the wire (`cams:timeoutMs`). */
  timeoutMs: number;
  /** How long to wait for a connection, before anything is sent (`cams:connectTimeoutMs`). */
  connectTimeoutMs: number;
}

/** The only region CAMS documents. */
export const DEFAULT_REGION = "ap-southeast-1";

/** A value and the stack config key or environment variable it came from. */
interface Picked {
  value: string;
  setting: string;
}

/** The URL of the endpoint the settings point at, for errors and logs. */
export function endpointUrl(settings: Pick<ClientSettings, "endpoint" | "protocol">): string {
  return `${settings.protocol.toLowerCase()}://${settings.endpoint}`;
}

/**
 * Reads client settings from stack config first, then the environment, then defaults. The endpoint
 * is `cams:endpoint` when set, else `cams.<cams:region>.aliyuncs.com`: `alicloud:region` and the
 * `ALIBABA_CLOUD_REGION_ID`/`ALICLOUD_REGION` variables place other resources and are never read.
 */
export function resolveSettings(config: ConfigSource, env: NodeJS.ProcessEnv = process.env): ClientSettings {
  const pick = (configKey: string, envKey: string): Picked | undefined => {
    const fromConfig = config.get(configKey);
    if (fromConfig !== undefined && fromConfig !== "") return { value: fromConfig, setting: configKey };
    const fromEnv = env[envKey];
    return fromEnv !== undefined && fromEnv !== "" ? { value: fromEnv, setting: envKey } : undefined;
  };
  const regionId = region(pick("cams:region", "CAMS_REGION"));
  const written = pick("cams:endpoint", "CAMS_ENDPOINT");
  const endpoint = written ? parseEndpoint(written.setting, written.value) : undefined;
  return {
    regionId,
    endpoint: endpoint?.host ?? `cams.${regionId}.aliyuncs.com`,
    protocol: protocol(pick("cams:protocol", "CAMS_PROTOCOL"), written, endpoint?.protocol),
    maxCallsPerSecond: positiveNumber(pick("cams:maxCallsPerSecond", "CAMS_MAX_CALLS_PER_SECOND"), 5),
    timeoutMs: positiveNumber(pick("cams:timeoutMs", "CAMS_TIMEOUT_MS"), 15000),
    connectTimeoutMs: positiveNumber(pick("cams:connectTimeoutMs", "CAMS_CONNECT_TIMEOUT_MS"), 5000),
  };
}

function region(picked: Picked | undefined): string {
  if (!picked) return DEFAULT_REGION;
  if (!/^[a-z]+(-[a-z0-9]+)+$/.test(picked.value)) {
    throw new InvalidSettingError(picked.setting, `"${picked.value}" is not a region id`, `CAMS documents only "${DEFAULT_REGION}"; leave ${picked.setting} unset to use it`);
  }
  return picked.value;
}

/** `cams:protocol`, or the scheme written in `cams:endpoint`; the two must agree when both are given. */
function protocol(picked: Picked | undefined, endpoint: Picked | undefined, fromScheme: "HTTPS" | "HTTP" | undefined): "HTTPS" | "HTTP" {
  const value = picked?.value.toUpperCase();
  if (picked && value !== "HTTPS" && value !== "HTTP") throw new InvalidSettingError(picked.setting, `must be "HTTPS" or "HTTP", got "${picked.value}"`, "use HTTP only for the emulator");
  if (picked && fromScheme && value !== fromScheme) {
    throw new InvalidSettingError(
      endpoint!.setting,
      `starts with ${fromScheme.toLowerCase()}:// but ${picked.setting} is "${picked.value}"`,
      `drop the scheme from ${endpoint!.setting}, or make the two agree`,
    );
  }
  return (value ?? fromScheme ?? "HTTPS") as "HTTPS" | "HTTP";
}

function positiveNumber(picked: Picked | undefined, fallback: number): number {
  if (picked === undefined) return fallback;
  const n = Number(picked.value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidSettingError(picked.setting, `must be a positive number, got "${picked.value}"`, `set a number above 0, or unset it for ${fallback}`);
  return n;
}
