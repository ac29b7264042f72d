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

/** The local date of an instant in a zone, "YYYY-MM-DD". */
export function localDateIn(instant: number, zone: string): string {
  return wallClockOf(instant, zone).slice(0, 10);
}
