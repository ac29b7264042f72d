import { wallClockOf } from '@worksite/shared-util-time';
import { DateTime } from 'luxon';

/**
 * The one iCalendar (RFC 5545) writer of the server: the crews' notices (.ics of the day) and
 * the calendar feeds build their files from these lines, so escaping, folding, time stamps
 * and time zone definitions are written once. Plain strings, a line at a time: ical-generator
 * cost a tenth of the worker's time in a night run of 10,000 emails (a UTF-8 encoder per
 * character to fold lines).
 */

/** RFC 5545 UTC date-time, e.g. 20261128T120000Z. */
export const icsUtc = (instant: number) => `${new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** RFC 5545 local date-time in a zone, e.g. 20261130T080000. */
export const icsLocal = (instant: number, zone: string) => wallClockOf(instant, zone).replace(/[-:]/g, '');

/** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
export const icsEscape = (value: string) =>
  value.replace(/[\\;,]/g, (match) => `\\${match}`).replace(/\r\n|\r|\n/g, '\\n');

/** UTF-8 length of one code point. */
const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** A content line folded after 74 octets, continuation lines starting with a space (RFC 5545 3.1). */
export function icsFold(line: string): string {
  let octets = 0;
  for (let i = 0; i < line.length; i++) octets += utf8Length(line.charCodeAt(i));
  if (octets <= 74) return line;
  let result = '';
  let count = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    count += size;
    if (count > 74) {
      result += '\r\n ';
      count = size;
    }
    result += char;
  }
  return result;
}

/** The file: each content line folded, CRLF between lines. */
export const icsFile = (lines: string[]) => lines.map(icsFold).join('\r\n');

/** An event's local start and end in its zone (DTSTART and DTEND with TZID). */
export const icsTimes = (start: number, end: number, zone: string) => [
  `DTSTART;TZID=${zone}:${icsLocal(start, zone)}`,
  `DTEND;TZID=${zone}:${icsLocal(end, zone)}`,
];

const HOUR = 3600_000;

/** "+0800" for an offset of 480 minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A VTIMEZONE for `zone` that is right over [from, to]: the offset in force at `from` and one
 * observance per change of offset inside the range (found hour by hour, then to the minute),
 * each with its own DTSTART — valid RFC 5545 without RRULEs, and exact for the window
 * whatever the zone's rules (Asia/Shanghai has a single observance).
 */
export function vtimezoneLines(zone: string, from: number, to: number): string[] {
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
      `DTSTART:${o.start.toFormat("yyyyMMdd'T'HHmmss")}`,
      `TZOFFSETFROM:${offsetText(o.offsetFrom)}`,
      `TZOFFSETTO:${offsetText(o.offsetTo)}`,
      `TZNAME:${o.name}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
