import { DateTime } from 'luxon';

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The offset (ms) of a zone at an instant, remembered per quarter hour: every zone's offsets are
 * whole quarter hours, so they change only on such boundaries. Formatting 10,000s of dates with
 * luxon or Intl per call is a large part of an import; this is a map read.
 */
function offsetAt(instant: number, zone: string): number {
  let zoneOffsets = offsets.get(zone);
  if (!zoneOffsets) offsets.set(zone, (zoneOffsets = new Map()));
  const bucket = Math.floor(instant / QUARTER_HOUR);
  let offset = zoneOffsets.get(bucket);
  if (offset === undefined) {
    offset = DateTime.fromMillis(bucket * QUARTER_HOUR, { zone }).offset * 60_000;
    if (zoneOffsets.size > 100_000) zoneOffsets.clear();
    zoneOffsets.set(bucket, offset);
  }
  return offset;
}

/** The wall clock of an instant in a zone, "YYYY-MM-DDTHH:mm:ss". */
export function wallClockOf(instant: number, zone: string): string {
  return new Date(instant + offsetAt(instant, zone)).toISOString().slice(0, 19);
}

/** The local date of an instant in a zone, "YYYY-MM-DD". */
export function localDateIn(instant: number, zone: string): string {
  return wallClockOf(instant, zone).slice(0, 10);
}
