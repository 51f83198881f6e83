import * as fs from "fs";
import type { BenchStack } from "../engine/benchStack";

/** What each resource adds to the stack's state. */
export interface StateFigures {
  /** The state file on disk, as the file backend writes it (indented JSON). */
  fileBytes: number;
  /** The state file's size divided by the number of declared resources. */
  fileBytesPerResource: number;
  /** The average size of one resource's entry as compact JSON: inputs, outputs and metadata. */
  entryBytesPerResource: number;
  /** The serialized provider (`__provider`) one resource carries, counted once. */
  providerBytesPerResource: number;
  /** How many copies of `__provider` one resource's entry holds (inputs and outputs). */
  providerCopiesPerResource: number;
}

/** Measures the state of a stack whose program declared `declaredCount` resources. */
export function measureState(stack: BenchStack, declaredCount: number): StateFigures {
  const fileBytes = fs.statSync(stack.stateFile).size;
  const entries = stack.deployment().resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
  const average = (values: number[]) => (values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : 0);
  const providerOf = (r: (typeof entries)[number]) => String(r.inputs?.__provider ?? "");
  return {
    fileBytes,
    fileBytesPerResource: Math.round(fileBytes / Math.max(declaredCount, 1)),
    entryBytesPerResource: average(entries.map((r) => Buffer.byteLength(JSON.stringify(r)))),
    providerBytesPerResource: average(entries.map((r) => Buffer.byteLength(providerOf(r)))),
    providerCopiesPerResource: average(entries.map((r) => [r.inputs, r.outputs].filter((p) => p?.__provider !== undefined).length)),
  };
}
