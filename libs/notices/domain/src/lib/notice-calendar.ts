import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { NoticeChange, NoticeContent } from './notice-content';
import { noticeStrings } from './notice-strings';
import { locationText, materialsText } from './render-parts';

/** RFC 5545 UTC date-time, e.g. 20261128T120000Z. */
const utcStamp = (instant: number) => DateTime.fromMillis(instant, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'");

/**
 * A VTIMEZONE with the zone's offset on the notice date: every event of the file is on
 * that date, so one fixed offset describes it (on a daylight-saving change day the clock
 * times stay right, only the instants of the hour that changed would be off).
 */
const vtimezones = new Map<string, string>();

function vtimezone(zone: string, date: string): string {
  // The same zone and date for every crew of a night: built once (the offset name is slow to format).
  const key = `${zone} ${date}`;
  const known = vtimezones.get(key);
  if (known) return known;
  if (vtimezones.size >= 1000) vtimezones.clear();
  const text = vtimezoneText(zone, date);
  vtimezones.set(key, text);
  return text;
}

function vtimezoneText(zone: string, date: string): string {
  const offset = DateTime.fromISO(date, { zone }).toFormat('ZZZ');
  const name = DateTime.fromISO(date, { zone }).toFormat('ZZZZ');
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${name}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/**
 * The day's tasks as an iCalendar file in the project zone. UIDs are stable per task and
 * date and SEQUENCE is the revision, so an amended notice updates the events in a calendar;
 * tasks that left the plan come back as CANCELLED events.
 */
export function noticeCalendar(
  content: NoticeContent,
  revision: number,
  changes: NoticeChange[],
  options: { uidDomain: string; now: number; removedTitles?: Record<string, string> },
): string {
  const s = noticeStrings(content.language);
  const zone = content.timeZone;
  const calendar = ical({
    prodId: { company: 'worksite', product: 'notices', language: content.language === 'en' ? 'EN' : 'ZH' },
    name: s.calendarName(content.crew.name, content.date),
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: zone, generator: (tz) => vtimezone(tz, content.date) },
  });
  const uid = (taskId: string) => `${taskId}-${content.date}@${options.uidDomain}`;
  for (const task of content.tasks) {
    calendar.createEvent({
      id: uid(task.taskId),
      sequence: revision,
      start: DateTime.fromISO(task.startsAt).setZone(zone),
      end: DateTime.fromISO(task.endsAt).setZone(zone),
      timezone: zone,
      summary: task.title,
      location: locationText(task.location, s) || null,
      description: [
        task.content,
        task.materials.length ? `${s.materials}${s.colon}${materialsText(task, s)}` : '',
        task.tools.length ? `${s.tools}${s.colon}${task.tools.join(s.listSeparator)}` : '',
        task.safetyNotes ? `${s.safety}${s.colon}${task.safetyNotes}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  const dayStart = DateTime.fromISO(content.date, { zone });
  for (const change of changes) {
    if (!['cancelled', 'removed', 'reassigned', 'moved'].includes(change.kind)) continue;
    const [from, to] = (change.before ?? '00:00–00:00').split('–');
    const at = (time: string) => dayStart.plus({ hours: Number(time.slice(0, 2)), minutes: Number(time.slice(3, 5)) });
    calendar.createEvent({
      id: uid(change.taskId),
      sequence: revision,
      start: at(from),
      end: at(to),
      timezone: zone,
      summary: change.title,
      status: ICalEventStatus.CANCELLED,
    });
  }
  // ical-generator writes DTSTAMP in the calendar zone; RFC 5545 requires UTC there.
  const stamp = utcStamp(options.now);
  return calendar
    .toString()
    .replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`)
    .replace(/^TIMEZONE-ID:.*\r\n/gm, '');
}
