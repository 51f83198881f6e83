import { ApiError, ErrorCodes } from "../errors";

/** How far a request's timestamp may be from the server clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Refuses a timestamp that is not `YYYY-MM-DDTHH:mm:ssZ` or lies more than 15 minutes from `now`, ahead or behind; returns it as ms epoch. */
export function checkTimestamp(value: string, name: string, now: number): number {
  const at = ISO_SECONDS.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) {
    throw new ApiError(
      ErrorCodes.InvalidTimeStampFormat,
      400,
      `Specified time stamp or date value is not well formatted: ${name} must look like 2025-01-31T12:00:00Z.`,
    );
  }
  if (Math.abs(now - at) > MAX_CLOCK_SKEW_MS) {
    throw new ApiError(
      ErrorCodes.InvalidTimeStampExpired,
      400,
      `Specified time stamp or date value is expired: ${name} ${value} is more than 15 minutes from the server time ${new Date(now).toISOString()}.`,
    );
  }
  return at;
}
