import { XMLBuilder } from 'fast-xml-parser';
import { wallClockOf } from '../zone-clock';

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
  const exception = (date: string, working: boolean, name: string) => ({
    EnteredByOccurrences: 0,
    TimePeriod: { FromDate: `${date}T00:00:00`, ToDate: `${date}T23:59:00` },
    Occurrences: 1,
    Name: name,
    Type: 1,
    DayWorking: working ? 1 : 0,
    ...(working
      ? {
          WorkingTimes: {
            WorkingTime: (project.calendar.weekly[1] ?? []).map((w) => ({
              FromTime: time(w.start),
              ToTime: time(w.end),
            })),
          },
        }
      : {}),
  });
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8', '@_standalone': 'yes' },
    Project: {
      '@_xmlns': 'http://schemas.microsoft.com/project',
      SaveVersion: 14,
      Name: project.name,
      ScheduleFromStart: 1,
      StartDate: local(project.start, zone),
      CalendarUID: 1,
      MinutesPerDay: project.minutesPerDay,
      MinutesPerWeek: project.minutesPerDay * 5,
      DurationFormat: 7,
      NewTasksAreManual: 0,
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
            Exceptions: {
              Exception: [
                ...project.calendar.holidays.map((date) => exception(date, false, 'holiday')),
                ...project.calendar.makeUpWorkdays.map((date) => exception(date, true, 'make-up workday')),
              ],
            },
          },
        ],
      },
      Tasks: {
        Task: project.tasks.map((task, index) => ({
          UID: task.uid,
          ID: index + 1,
          Name: task.title,
          Active: 1,
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
