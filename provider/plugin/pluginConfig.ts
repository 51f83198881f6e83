import type * as dynamic from "@pulumi/pulumi/dynamic";
import { unwrapRpcSecret } from "@pulumi/pulumi/runtime/rpc";
import type { ConfigureArgs } from "./sdkShims";

/**
 * The namespaces the lifecycle reads configuration from. The engine hands a plugin only its own
 * package's keys (`cams:*`), so `cams:region`, `cams:accessKey`… stand in for the `alicloud:*` keys
 * the dynamic resource reads from `@pulumi/alicloud`'s configuration.
 */
const READ_NAMESPACES = ["cams", "alicloud"];

/** The plugin's configuration as the stack config the lifecycle reads (`cams:endpoint`, `alicloud:region`…). */
export function pluginConfig(args: ConfigureArgs): dynamic.ConfigureRequest["config"] {
  const get = (key: string): string | undefined => {
    const [namespace, name] = key.split(":");
    if (!READ_NAMESPACES.includes(namespace) || name === undefined) return undefined;
    return asText(unwrapRpcSecret(args[name]));
  };
  return {
    get,
    require: (key) => {
      const value = get(key);
      if (value === undefined) throw new Error(`Missing required configuration key: ${key}`);
      return value;
    },
  };
}

/** Config values arrive typed (a number for `cams:timeoutMs: 3000`); the lifecycle parses text. */
function asText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

