import { XMLBuilder } from 'fast-xml-parser';
import { wallClockOf } from '@worksite/shared-util-time';
import { isoWeekdayOf, subtractWindows, Window } from './mspdi-calendar';

/** MSPDI link type numbers. */
const TYPE_NUMBERS: Record<string, number> = { FF: 0, FS: 1, SF: 2, SS: 3 };
/** Our constraints as MSPDI ConstraintType numbers. */
const CONSTRAINT_NUMBERS: Record<string, number> = {
  must_start_on: 2,
  start_no_earlier_than: 4,
  finish_no_later_than: 7,
};

export interface ExportTask {
  uid: number;
  title: string;
  manual: boolean;
  start: number;
  finish: number;
  durationMinutes: number;
  constraintType: string | null;
  constraintAt: number | null;
  percentComplete: number;
  links: { predecessorUid: number; type: string; lagMinutes: number }[];
}

export interface ExportProject {
  name: string;
  timeZone: string;
  start: number;
  minutesPerDay: number;
  calendar: {
    name: string;
    weekly: Record<number, { start: string; end: string }[]>;
    holidays: string[];
    makeUpWorkdays: string[];
    /** Hours of no work in the project's wall clock ("YYYY-MM-DDTHH:mm:ss"). */
    blackouts: { start: string; end: string }[];
  };
  tasks: ExportTask[];
}

/** MSPDI dates are the wall clock of the project, without a zone. */
const local = wallClockOf;

/** PT8H30M0S. */
export function durationText(minutes: number): string {
  return `PT${Math.floor(minutes / 60)}H${minutes % 60}M0S`;
}

const time = (hhmm: string) => (hhmm === '24:00' ? '00:00:00' : `${hhmm}:00`);

function weekDay(type: number, windows: { start: string; end: string }[]) {
  return windows.length === 0
    ? { DayType: type, DayWorking: 0 }
    : {
        DayType: type,
        DayWorking: 1,
        WorkingTimes: { WorkingTime: windows.map((w) => ({ FromTime: time(w.start), ToTime: time(w.end) })) },
      };
}

/**
 * A project as MS Project XML (MSPDI, the 2007+ schema): the calendar's week (our ISO weekday
 * windows as DayType 1 = Sunday … 7 = Saturday) and its holidays and make-up days as
 * exceptions; every task with its dates in the project's wall clock, duration, manual mode,
 * constraint and predecessor links (LinkLag in tenths of minutes, LagFormat 7: days; 5: hours).
 */
export function writeMspdi(project: ExportProject): string {
  const zone = project.timeZone;
  const exception = (date: string, windows: Window[], name: string) => ({
    EnteredByOccurrences: 0,
    TimePeriod: { FromDate: `${date}T00:00:00`, ToDate: `${date}T23:59:00` },
    Occurrences: 1,
    Name: name,
    Type: 1,
    DayWorking: windows.length ? 1 : 0,
    ...(windows.length
      ? { WorkingTimes: { WorkingTime: windows.map((w) => ({ FromTime: time(w.start), ToTime: time(w.end) })) } }
      : {}),
  });
  const exceptions = calendarExceptions(project.calendar).map((day) => exception(day.date, day.windows, day.name));
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8', '@_standalone': 'yes' },
    Project: {
      '@_xmlns': 'http://schemas.microsoft.com/project',
      SaveVersion: 14,
      Name: project.name.slice(0, 255),
      ScheduleFromStart: 1,
      StartDate: local(project.start, zone),
      CurrencyCode: 'CNY',
      CalendarUID: 1,
      MinutesPerDay: project.minutesPerDay,
      MinutesPerWeek: project.minutesPerDay * 5,
      DurationFormat: 7,
      Calendars: {
        Calendar: [
          {
            UID: 1,
            Name: project.calendar.name,
            IsBaseCalendar: 1,
            BaseCalendarUID: -1,
            WeekDays: {
              WeekDay: [1, 2, 3, 4, 5, 6, 7].map((type) =>
                weekDay(type, project.calendar.weekly[type === 1 ? 7 : type - 1] ?? []),
              ),
            },
            ...(exceptions.length ? { Exceptions: { Exception: exceptions } } : {}),
          },
        ],
      },
      Tasks: {
        Task: project.tasks.map((task, index) => ({
          UID: task.uid,
          ID: index + 1,
          Name: task.title.slice(0, 512),
          Manual: task.manual ? 1 : 0,
          Type: 1,
          IsNull: 0,
          OutlineNumber: index + 1,
          OutlineLevel: 1,
          Start: local(task.start, zone),
          Finish: local(task.finish, zone),
          Duration: durationText(task.durationMinutes),
          DurationFormat: 7,
          Milestone: task.durationMinutes === 0 ? 1 : 0,
          Summary: 0,
          PercentComplete: task.percentComplete,
          ConstraintType: task.constraintType ? (CONSTRAINT_NUMBERS[task.constraintType] ?? 0) : 0,
          CalendarUID: -1,
          ...(task.constraintType && task.constraintAt !== null
            ? { ConstraintDate: local(task.constraintAt, zone) }
            : {}),
          ...(task.links.length
            ? {
                PredecessorLink: task.links.map((link) => ({
                  PredecessorUID: link.predecessorUid,
                  Type: TYPE_NUMBERS[link.type] ?? 1,
                  CrossProject: 0,
                  LinkLag: link.lagMinutes * 10,
                  LagFormat: link.lagMinutes % project.minutesPerDay === 0 ? 7 : 5,
                })),
              }
            : {}),
        })),
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  return builder.build(document);
}

/**
 * Our calendar's exceptions as MSPDI's: holidays (no work), 调休 make-up days (Monday's hours),
 * and days with blackouts (the day's hours less the blackouts), one per date, in date order.
 */
export function calendarExceptions(
  calendar: ExportProject['calendar'],
): { date: string; windows: Window[]; name: string }[] {
  const cuts = new Map<string, Window[]>();
  for (const blackout of calendar.blackouts) {
    let date = blackout.start.slice(0, 10);
    const lastDate = blackout.end.slice(0, 10);
    while (date <= lastDate) {
      const start = date === blackout.start.slice(0, 10) ? blackout.start.slice(11, 16) : '00:00';
      const end = date === lastDate ? blackout.end.slice(11, 16) : '24:00';
      if (end > start) cuts.set(date, [...(cuts.get(date) ?? []), { start, end }]);
      date = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    }
  }
  const holidays = new Set(calendar.holidays);
  const days = new Map<string, { date: string; windows: Window[]; name: string }>();
  for (const date of holidays) days.set(date, { date, windows: [], name: 'holiday' });
  for (const date of calendar.makeUpWorkdays) {
    if (!holidays.has(date)) days.set(date, { date, windows: calendar.weekly[1] ?? [], name: '调休' });
  }
  for (const [date, removed] of cuts) {
    if (holidays.has(date)) continue;
    const usual = days.get(date)?.windows ?? calendar.weekly[isoWeekdayOf(date)] ?? [];
    if (usual.length === 0) continue;
    const windows = subtractWindows(usual, removed);
    days.set(date, { date, windows, name: days.get(date)?.name ?? 'blackout' });
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
