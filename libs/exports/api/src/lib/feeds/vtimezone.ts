import { DateTime } from 'luxon';

const HOUR = 3600_000;

/** "+0800" for an offset of 480 minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const localStamp = (instant: DateTime) => instant.toFormat("yyyyMMdd'T'HHmmss");

/**
 * A VTIMEZONE for `zone` that is right over [from, to]: the offset in force at `from` and one
 * observance per change of offset inside the range (found hour by hour, then to the minute),
 * each with its own DTSTART — valid RFC 5545 without RRULEs, and exact for the feed's window
 * whatever the zone's rules (Asia/Shanghai has a single observance).
 */
export function vtimezoneFor(zone: string, from: number, to: number): string {
  const at = (ms: number) => DateTime.fromMillis(ms, { zone });
  const first = at(from);
  const observances: { start: DateTime; offsetFrom: number; offsetTo: number; name: string; dst: boolean }[] = [];
  let previous = first.offset;
  observances.push({
    start: DateTime.fromObject({ year: 1970, month: 1, day: 1 }, { zone: 'UTC' }),
    offsetFrom: previous,
    offsetTo: previous,
    name: first.offsetNameShort ?? offsetText(previous),
    dst: first.isInDST,
  });
  for (let ms = from - (from % HOUR) + HOUR; ms <= to; ms += HOUR) {
    const offset = at(ms).offset;
    if (offset === previous) continue;
    // The first minute of the hour with the new offset.
    let change = ms - HOUR;
    while (at(change).offset === previous) change += 60_000;
    const local = DateTime.fromMillis(change, { zone: 'UTC' }).plus({ minutes: previous });
    const now = at(change);
    observances.push({
      start: local,
      offsetFrom: previous,
      offsetTo: offset,
      name: now.offsetNameShort ?? offsetText(offset),
      dst: now.isInDST,
    });
    previous = offset;
  }
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const o of observances) {
    const kind = o.dst ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(o.start)}`,
      `TZOFFSETFROM:${offsetText(o.offsetFrom)}`,
      `TZOFFSETTO:${offsetText(o.offsetTo)}`,
      `TZNAME:${o.name}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
