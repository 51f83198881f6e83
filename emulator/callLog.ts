import type { CallRecord } from "./records";

const MAX_CALLS = 10_000;
const MAX_PARAM_CHARS = 2_048;

/** The API calls received, newest last; bounded so a long or fuzzed run cannot exhaust memory. */
export class CallLog {
  private entries: CallRecord[] = [];

  /** Records a call, truncating long parameter values and forgetting the oldest call past the bound. */
  add(call: CallRecord): void {
    const params = Object.fromEntries(
      Object.entries(call.params).map(([k, v]) => [k, v.length > MAX_PARAM_CHARS ? `${v.slice(0, MAX_PARAM_CHARS)}…` : v]),
    );
    this.entries.push({ ...call, params });
    if (this.entries.length > MAX_CALLS) this.entries.shift();
  }

  /** Copies of the recorded calls in the order received. */
  list(): CallRecord[] {
    return this.entries.map((c) => ({ ...c, params: { ...c.params } }));
  }

  /** Forgets every recorded call. */
  clear(): void {
    this.entries = [];
  }
}
