import type { CallRecord } from "./records";

/** The most calls kept, and the most characters they may hold together; the oldest go first. */
export const MAX_CALLS = 10_000;
export const MAX_LOG_CHARS = 8_000_000;
/** Per call: parameters kept, and the length of a name, a value, the action and the key id. */
const MAX_PARAMS = 16;
const MAX_NAME_CHARS = 64;
const MAX_VALUE_CHARS = 1_024;
// The fixed fields (times, status, code, request id) counted for each call.
const CALL_OVERHEAD_CHARS = 200;

/**
 * The API calls received, newest last. Bounded in calls and in characters, and each call is cut to a few short
 * parameters, so a long run or a flood of unsigned junk cannot exhaust memory or make the log unservable.
 */
export class CallLog {
  private entries: { call: CallRecord; size: number }[] = [];
  private first = 0;
  private chars = 0;

  /** Records a call, cut to the bounds, and forgets the oldest calls past them. */
  add(call: CallRecord): void {
    const params = Object.entries(call.params);
    const kept: CallRecord = {
      ...call,
      action: cut(call.action, MAX_NAME_CHARS),
      ...(call.accessKeyId === undefined ? {} : { accessKeyId: cut(call.accessKeyId, MAX_NAME_CHARS) }),
      params: Object.fromEntries(params.slice(0, MAX_PARAMS).map(([k, v]) => [cut(k, MAX_NAME_CHARS), cut(v, MAX_VALUE_CHARS)])),
    };
    if (params.length > MAX_PARAMS) kept.paramsOmitted = params.length - MAX_PARAMS;
    const size = CALL_OVERHEAD_CHARS + kept.action.length + Object.entries(kept.params).reduce((n, [k, v]) => n + k.length + v.length, 0);
    this.entries.push({ call: kept, size });
    this.chars += size;
    while (this.entries.length - this.first > MAX_CALLS || this.chars > MAX_LOG_CHARS) this.chars -= this.entries[this.first++].size;
    // Compact now and then instead of shifting the array on every call.
    if (this.first > MAX_CALLS) {
      this.entries = this.entries.slice(this.first);
      this.first = 0;
    }
  }

  /** Copies of the recorded calls in the order received. */
  list(): CallRecord[] {
    return this.entries.slice(this.first).map(({ call }) => ({ ...call, params: { ...call.params } }));
  }

  /** Forgets every recorded call. */
  clear(): void {
    this.entries = [];
    this.first = 0;
    this.chars = 0;
  }
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
