import { dayRange } from '@worksite/shared-util-time';
import { icsEscape, icsFile, icsTimes, icsUtc, vtimezoneLines } from './ics-writer';
import { NoticeChange, NoticeContent } from './notice-content';
import { noticeStrings } from './notice-strings';
import { locationText, materialsText } from './render-parts';

/**
 * The VTIMEZONE of the notice's day (vtimezoneLines over it): the same zone and date for every
 * crew of a night, so built once (the offset's name is slow to format).
 */
const vtimezones = new Map<string, string[]>();

function vtimezone(zone: string, date: string): string[] {
  const key = `${zone} ${date}`;
  const known = vtimezones.get(key);
  if (known) return known;
  if (vtimezones.size >= 1000) vtimezones.clear();
  const day = dayRange(date, zone);
  const lines = vtimezoneLines(zone, day.start.getTime(), day.end.getTime());
  vtimezones.set(key, lines);
  return lines;
}

/**
 * The day's tasks as an iCalendar file in the project zone. UIDs are stable per task and
 * date and SEQUENCE is the revision, so an amended notice updates the events in a calendar;
 * tasks that left the plan come back as CANCELLED events. Written line by line with the
 * server's one iCalendar writer (ics-writer.ts), as the calendar feeds are.
 */
export function noticeCalendar(
  content: NoticeContent,
  revision: number,
  changes: NoticeChange[],
  options: { uidDomain: string; now: number; removedTitles?: Record<string, string> },
): string {
  const s = noticeStrings(content.language);
  const zone = content.timeZone;
  const name = icsEscape(s.calendarName(content.crew.name, content.date));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//worksite//notices//${content.language === 'en' ? 'EN' : 'ZH'}`,
    'METHOD:PUBLISH',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    ...vtimezone(zone, content.date),
    `X-WR-TIMEZONE:${zone}`,
  ];
  const stamp = icsUtc(options.now);
  const event = (taskId: string, start: number, end: number, summary: string, more: string[]) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${taskId}-${content.date}@${options.uidDomain}`,
      `SEQUENCE:${revision}`,
      `DTSTAMP:${stamp}`,
      ...icsTimes(start, end, zone),
      `SUMMARY:${icsEscape(summary)}`,
      ...more,
      'END:VEVENT',
    );
  };
  for (const task of content.tasks) {
    const location = locationText(task.location, s);
    const description = [
      task.content,
      task.materials.length ? `${s.materials}${s.colon}${materialsText(task, s)}` : '',
      task.tools.length ? `${s.tools}${s.colon}${task.tools.join(s.listSeparator)}` : '',
      task.safetyNotes ? `${s.safety}${s.colon}${task.safetyNotes}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    const more = location ? [`LOCATION:${icsEscape(location)}`] : [];
    more.push(`DESCRIPTION:${icsEscape(description)}`);
    event(task.taskId, Date.parse(task.startsAt), Date.parse(task.endsAt), task.title, more);
  }
  const dayStart = dayRange(content.date, zone).start.getTime();
  for (const change of changes) {
    if (!['cancelled', 'removed', 'reassigned', 'moved'].includes(change.kind)) continue;
    const [from, to] = (change.before ?? '00:00–00:00').split('–');
    const at = (time: string) => dayStart + Number(time.slice(0, 2)) * 3_600_000 + Number(time.slice(3, 5)) * 60_000;
    event(change.taskId, at(from), at(to), change.title, ['STATUS:CANCELLED']);
  }
  lines.push('END:VCALENDAR');
  return icsFile(lines);
}
