import { DateTime } from 'luxon';

const QUARTER_HOUR = 900_000;
const DAY = 86_400_000;
/** Per zone: the offset of each UTC day that has one offset throughout, null for a day with a change. */
const dayOffsets = new Map<string, Map<number, number | null>>();
/** Per zone: the offsets of the quarter hours of the days with a change. */
const offsets = new Map<string, Map<number, number>>();

const luxonOffset = (instant: number, zone: string) => DateTime.fromMillis(instant, { zone }).offset * 60_000;

function remembered<V>(maps: Map<string, Map<number, V>>, zone: string, key: number, compute: () => V): V {
  let zoneMap = maps.get(zone);
  if (!zoneMap) maps.set(zone, (zoneMap = new Map()));
  let value = zoneMap.get(key);
  if (value === undefined) {
    value = compute();
    if (zoneMap.size > 100_000) zoneMap.clear();
    zoneMap.set(key, value);
  }
  return value;
}

/**
 * The offset (ms) of a zone at an instant, remembered per UTC day when its first and last quarter
 * hours have the same offset (no zone changes its offset and back within a day), else per
 * quarter hour: every zone's offsets are whole quarter hours, so they change only on such
 * boundaries. Formatting 10,000s of dates with luxon or Intl per call is a large part of an
 * import, and a push of hundreds of tasks to new times met a new quarter hour for most of them.
 */
function offsetAt(instant: number, zone: string): number {
  const day = Math.floor(instant / DAY);
  const whole = remembered(dayOffsets, zone, day, () => {
    const first = luxonOffset(day * DAY, zone);
    return luxonOffset((day + 1) * DAY - QUARTER_HOUR, zone) === first ? first : null;
  });
  if (whole !== null) return whole;
  const bucket = Math.floor(instant / QUARTER_HOUR);
  return remembered(offsets, zone, bucket, () => luxonOffset(bucket * QUARTER_HOUR, zone));
}

/** The wall clock of an instant in a zone, "YYYY-MM-DDTHH:mm:ss". */
export function wallClockOf(instant: number, zone: string): string {
  return new Date(instant + offsetAt(instant, zone)).toISOString().slice(0, 19);
}

/**
 * The local date of an instant in a zone, "YYYY-MM-DD": the civil date of the local day number
 * by arithmetic (H. Hinnant's days-to-civil), not through a Date's ISO string (a push of 950
 * tasks formats 1,900 dates).
 */
export function localDateIn(instant: number, zone: string): string {
  const day = Math.floor((instant + offsetAt(instant, zone)) / DAY) + 719_468;
  const era = Math.floor(day / 146_097);
  const dayOfEra = day - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}
