import {
  locationText,
  materialText,
  NoticeLanguage,
  NoticeLocation,
  NoticeMaterial,
  noticeStrings,
} from '@worksite/notices-domain';
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { vtimezoneFor } from './vtimezone';

/** One task as a feed shows it: only what its owner may read (no other crew's people). */
export interface FeedEvent {
  taskId: string;
  /** The task's version: SEQUENCE, so a subscribed calendar takes the change. */
  version: number;
  updatedAt: Date;
  title: string;
  content: string;
  status: string;
  progress: number;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  projectName: string;
  departmentName: string;
  /** The task's crew, when the feed's owner may know it (its own crew, an agency's own department). */
  crewName: string | null;
  location: NoticeLocation | null;
  materials: NoticeMaterial[];
  tools: string[];
  safetyNotes: string;
}

export interface FeedInput {
  /** The calendar's name, e.g. "电缆一班 · 施工日历". */
  name: string;
  language: NoticeLanguage;
  events: FeedEvent[];
  /** The window the feed covers (epoch ms), for the time zone definitions. */
  from: number;
  to: number;
}

const FEED_TEXT = {
  'zh-CN': {
    cancelled: '【已取消】',
    project: '项目',
    department: '单位',
    crew: '班组',
    status: '状态',
    progress: '进度',
  },
  en: {
    cancelled: '[Cancelled] ',
    project: 'Project',
    department: 'Department',
    crew: 'Crew',
    status: 'Status',
    progress: 'Progress',
  },
};

/** RFC 5545 UTC date-time, e.g. 20261128T120000Z. */
const utcStamp = (instant: Date) => DateTime.fromJSDate(instant, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'");

/** The feed's calendar name in the owner's language. */
export function feedName(owner: string, language: NoticeLanguage): string {
  return language === 'en' ? `${owner} · Worksite schedule` : `${owner} · 施工日历`;
}

/**
 * A calendar feed (RFC 5545): one event per task in the task's project zone (a VTIMEZONE per
 * zone, right over the feed's window). The UID is the task's id, SEQUENCE its version and
 * LAST-MODIFIED / DTSTAMP its last change, so the same plan gives the same file byte for byte
 * and a changed task reaches subscribed calendars as an update of the same event. Cancelled
 * tasks stay as STATUS:CANCELLED, marked in the title (some apps ignore the status of a
 * subscribed event) and free (TRANSPARENT).
 */
export function feedCalendar(input: FeedInput, options: { uidDomain: string }): string {
  const s = noticeStrings(input.language);
  const t = FEED_TEXT[input.language];
  const zones = [...new Set(input.events.map((event) => event.timeZone))].sort();
  const calendar = ical({
    prodId: { company: 'worksite', product: 'feeds', language: input.language === 'en' ? 'EN' : 'ZH' },
    name: input.name,
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const event of input.events) {
    const cancelled = event.status === 'cancelled';
    const location = locationText(event.location, s);
    calendar.createEvent({
      id: `task-${event.taskId}@${options.uidDomain}`,
      sequence: event.version,
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      start: DateTime.fromJSDate(event.startsAt).setZone(event.timeZone),
      end: DateTime.fromJSDate(event.endsAt).setZone(event.timeZone),
      timezone: event.timeZone,
      summary: `${cancelled ? t.cancelled : ''}${event.title}`,
      location: location || null,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      description: [
        `${t.project}${s.colon}${event.projectName}`,
        `${t.department}${s.colon}${event.departmentName}${event.crewName ? ` · ${t.crew}${s.colon}${event.crewName}` : ''}`,
        `${t.status}${s.colon}${s.status[event.status] ?? event.status}${event.progress ? ` · ${t.progress} ${event.progress}%` : ''}`,
        event.content ? `${s.content}${s.colon}${event.content}` : '',
        event.materials.length
          ? `${s.materials}${s.colon}${event.materials.map(materialText).join(s.listSeparator)}`
          : '',
        event.tools.length ? `${s.tools}${s.colon}${event.tools.join(s.listSeparator)}` : '',
        event.safetyNotes ? `${s.safety}${s.colon}${event.safetyNotes}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  const stamps = new Map(input.events.map((event) => [`task-${event.taskId}@${options.uidDomain}`, event.updatedAt]));
  const timezones = zones.map((zone) => vtimezoneFor(zone, input.from, input.to)).join('\r\n');
  // ical-generator writes DTSTAMP and LAST-MODIFIED in the event's zone; RFC 5545 wants UTC there.
  return utcStampsPerEvent(calendar.toString(), stamps)
    .replace(/^BEGIN:VEVENT/m, (first) => (timezones ? `${timezones}\r\n${first}` : first))
    .replace(/^TIMEZONE-ID:.*\r\n/gm, '')
    .replace(/^X-WR-TIMEZONE:.*\r\n/gm, '');
}

/** Rewrites each event's DTSTAMP and LAST-MODIFIED as UTC date-times. */
function utcStampsPerEvent(text: string, stamps: Map<string, Date>): string {
  return text.replace(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT/g, (block) => {
    const uid = /^UID:(.*)$/m.exec(block)?.[1]?.trim() ?? '';
    const stamp = stamps.get(uid);
    if (!stamp) return block;
    const utc = utcStamp(stamp);
    return block
      .replace(/^DTSTAMP[:;].*$/m, `DTSTAMP:${utc}`)
      .replace(/^LAST-MODIFIED[:;].*$/m, `LAST-MODIFIED:${utc}`);
  });
}
