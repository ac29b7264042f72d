import {
  icsEscape,
  icsFile,
  icsTimes,
  icsUtc,
  locationText,
  materialText,
  NoticeLanguage,
  NoticeLocation,
  NoticeMaterial,
  noticeStrings,
  vtimezoneLines,
} from '@worksite/notices-domain';

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
  const name = icsEscape(input.name);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//worksite//feeds//${input.language === 'en' ? 'EN' : 'ZH'}`,
    'METHOD:PUBLISH',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    // Subscribed calendars look again after an hour.
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...zones.flatMap((zone) => vtimezoneLines(zone, input.from, input.to)),
  ];
  for (const event of input.events) {
    const cancelled = event.status === 'cancelled';
    const location = locationText(event.location, s);
    const stamp = icsUtc(event.updatedAt.getTime());
    const description = [
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
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:task-${event.taskId}@${options.uidDomain}`,
      `SEQUENCE:${event.version}`,
      `DTSTAMP:${stamp}`,
      ...icsTimes(event.startsAt.getTime(), event.endsAt.getTime(), event.timeZone),
      `SUMMARY:${icsEscape(`${cancelled ? t.cancelled : ''}${event.title}`)}`,
      `TRANSP:${cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
      ...(location ? [`LOCATION:${icsEscape(location)}`] : []),
      `DESCRIPTION:${icsEscape(description)}`,
      `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `LAST-MODIFIED:${stamp}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return icsFile(lines);
}
