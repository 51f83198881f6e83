import type { StateResource } from "../../scripts/lib/localStack";

/** State bytes of one resource, split into the engine's own record and what the package adds. */
export interface AddedState {
  /** The resource's entry as compact JSON. */
  entryBytes: number;
  /** The entry without inputs and outputs: URN, type, id, provider reference, stack trace… the same for any resource. */
  engineRecordBytes: number;
  /** The entry minus the entry of a do-nothing resource of the same kind declared with the same inputs. */
  packageBytes: number;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * Averages over `entries`. The do-nothing resource of the same kind keeps the engine's record and
 * holds, as inputs and outputs, what `doNothingProperties` gives for the resource's inputs: the
 * two declared inputs echoed (and, for a dynamic resource, its own serialized provider).
 */
export function addedState(entries: StateResource[], doNothingProperties: (inputs: Record<string, unknown>) => Record<string, unknown>): AddedState {
  const average = (values: number[]) => (values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : 0);
  return {
    entryBytes: average(entries.map(bytes)),
    engineRecordBytes: average(entries.map(({ inputs: _i, outputs: _o, ...record }) => bytes(record))),
    packageBytes: average(
      entries.map((entry) => {
        const properties = doNothingProperties(entry.inputs ?? {});
        return bytes(entry) - bytes({ ...entry, inputs: properties, outputs: properties });
      }),
    ),
  };
}

/** The two inputs every benchmark resource is declared with, as a do-nothing provider echoes them. */
export function declaredInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  return { phoneNumber: inputs.phoneNumber, prefilledMessage: inputs.prefilledMessage };
}
