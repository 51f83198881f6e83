import type { ConfigSource } from "../client/settings";

/** Long enough for CAMS to commit a call whose answer timed out, short enough not to stall an `up`. */
const DEFAULT_GRACE_MS = 3000;

/** `cams:reconcileGraceMs` / `CAMS_RECONCILE_GRACE_MS`: how long a lost change is looked for before it is sent again. */
export function graceMs(config: ConfigSource, env: NodeJS.ProcessEnv): number {
  const raw = config.get("cams:reconcileGraceMs") || env.CAMS_RECONCILE_GRACE_MS || undefined;
  if (raw === undefined) return DEFAULT_GRACE_MS;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`cams:reconcileGraceMs / CAMS_RECONCILE_GRACE_MS must be a number of milliseconds, 0 or more, got "${raw}"`);
  return ms;
}
