/** An instant as rows carry it: epoch milliseconds, an ISO 8601 string (payloads) or a Date (database rows). */
export type InstantLike = number | string | Date;

/** Epoch milliseconds of an instant in any of the forms rows carry. */
export function toMillis(instant: InstantLike): number {
  if (typeof instant === 'number') return instant;
  return typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
}
