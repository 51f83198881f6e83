import { ledgerFiles } from "./ledger";
import { LimiterShape, SharedCallLimiter } from "./sharedLimiter";

/** CAMS counts calls per second per account. */
export const CAMS_WINDOW_MS = 1000;
/** Slack after the window, so the service's own timing never makes it count one call too many. */
export const WINDOW_MARGIN_MS = 50;

const limiters = new Map<string, SharedCallLimiter>();

/** Where calls go and as whom: the scope one rate limit covers. */
export interface LimitScope {
  /** The endpoint called, so an emulator and CAMS (or two emulators) are counted apart. */
  endpoint: string;
  accessKeyId: string;
}

/** The limiter of one endpoint and AccessKey in this process, coordinated with the other processes of the machine. */
export function limiterFor(scope: LimitScope, shape: Omit<LimiterShape, "windowMs" | "marginMs">): SharedCallLimiter {
  const key = JSON.stringify([scope.endpoint, scope.accessKeyId, shape.maxPerWindow, shape.maxCallMs]);
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new SharedCallLimiter(ledgerFiles(scope.endpoint, scope.accessKeyId), { ...shape, windowMs: CAMS_WINDOW_MS, marginMs: WINDOW_MARGIN_MS });
    limiters.set(key, limiter);
  }
  return limiter;
}
