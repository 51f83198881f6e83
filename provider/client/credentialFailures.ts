import { YieldedNoAccessKey } from "./credentialSource";

/** Socket codes that mean the credentials service was not reached. */
const UNREACHABLE = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Why a provider of `@alicloud/credentials` failed, in words safe to print. Its own messages may
 * quote a whole config file (secrets included), so only recognised shapes are rephrased.
 */
export function whyProviderFailed(error: unknown): string {
  if (error instanceof YieldedNoAccessKey) return error.message;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && UNREACHABLE.has(code)) return `the service could not be reached (${code})`;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return `a file could not be read (${code})`;
  const text = typeof message === "string" ? message : "";
  const sts = /^(?:get sts token failed with OIDC|refresh session token failed): (.*)$/s.exec(text);
  if (sts) return `STS answered ${stsAnswer(sts[1])}`;
  const profile = /^unable to get profile with '([^']*)'$/.exec(text) ?? /^Can not find credential type for "([^"]*)"$/.exec(text);
  if (profile) return `it has no profile "${profile[1]}"`;
  const mode = /^unsupported profile mode '([^']*)'$/.exec(text);
  if (mode) return `its profile mode "${mode[1]}" is not supported`;
  if (text.startsWith("parse aliyun cli config")) return "the file is not valid JSON";
  if (text.startsWith("no any configured profiles")) return "the file has no profiles";
  if (text.startsWith("get sts token failed with OIDC")) return "STS answered without credentials";
  return `it failed (${error instanceof Error ? error.name : typeof error}; details withheld because they may quote secrets)`;
}

/** The code, message and request id of an STS error body, nothing else of it. */
function stsAnswer(body: string): string {
  try {
    const parsed = JSON.parse(body) as { Code?: unknown; Message?: unknown; RequestId?: unknown };
    const parts = [parsed.Code, parsed.Message].filter((p): p is string => typeof p === "string").map((p) => p.slice(0, 200));
    const id = typeof parsed.RequestId === "string" ? ` (RequestId ${parsed.RequestId})` : "";
    return parts.length ? `${parts.join(": ")}${id}` : "an error without a code";
  } catch {
    return "with a body that is not JSON";
  }
}

/** True when a profile provider failed only because the file has no profile of the asked name. */
export function isMissingProfile(error: unknown): boolean {
  const message = (error as { message?: unknown })?.message;
  return typeof message === "string" && (/^unable to get profile with '/.test(message) || /^Can not find credential type for "/.test(message));
}
