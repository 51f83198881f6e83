/** One figure checked against its target. */
export interface TargetCheck {
  /** What is measured, as the report's reader knows it. */
  name: string;
  measured: number;
  /** The largest value that meets the target. */
  limit: number;
  unit: string;
  met: boolean;
}

/** Checks `measured ≤ limit`. */
export function atMost(name: string, measured: number, limit: number, unit: string): TargetCheck {
  return { name, measured, limit, unit, met: measured <= limit };
}
