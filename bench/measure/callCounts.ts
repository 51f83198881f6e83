import type { CallRecord } from "../../emulator";

/** What the emulator saw during one engine operation. */
export interface CallCounts {
  /** Every API call received, rejected ones included. */
  total: number;
  /** Calls per action, e.g. `{ CreatePhoneMessageQrdl: 100, ListPhoneMessageQrdl: 2 }`. */
  byAction: Record<string, number>;
  /** `System.LimitControl` answers: the QPS limit or injected throttling. */
  throttled: number;
  /** Injected `InternalError` / `ServiceUnavailable` answers. */
  serverErrors: number;
  /** Changes committed whose connection was then dropped (fault `dropAfterCommitRate`). */
  dropped: number;
  /** Answers with any other error code, by code. */
  otherErrors: Record<string, number>;
}

const SERVER_ERRORS = new Set(["InternalError", "ServiceUnavailable"]);

/** Sums up a call log. */
export function countCalls(calls: CallRecord[]): CallCounts {
  const counts: CallCounts = { total: calls.length, byAction: {}, throttled: 0, serverErrors: 0, dropped: 0, otherErrors: {} };
  for (const call of calls) {
    counts.byAction[call.action] = (counts.byAction[call.action] ?? 0) + 1;
    if (call.httpStatus === 0) counts.dropped++;
    else if (call.code === "System.LimitControl") counts.throttled++;
    else if (SERVER_ERRORS.has(call.code)) counts.serverErrors++;
    else if (call.code !== "OK") counts.otherErrors[call.code] = (counts.otherErrors[call.code] ?? 0) + 1;
  }
  return counts;
}

/** The most calls the service admitted (answered anything but throttling) within any 1000 ms window. */
export function peakAdmittedPerSecond(calls: CallRecord[]): number {
  return peakPerSecond(calls.filter((c) => c.code !== "System.LimitControl").map((c) => c.at));
}

/** The most calls that reached the service, throttled ones included, within any 1000 ms window. */
export function peakReceivedPerSecond(calls: CallRecord[]): number {
  return peakPerSecond(calls.map((c) => c.at));
}

function peakPerSecond(times: number[]): number {
  const at = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; j < at.length; j++) {
    while (at[j] - at[i] >= 1000) i++;
    peak = Math.max(peak, j - i + 1);
  }
  return peak;
}
