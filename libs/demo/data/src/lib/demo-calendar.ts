import { CalendarSpec } from '@worksite/scheduling-engine';
import { instantOf } from '@worksite/shared-util-time';
import {
  calendarDays,
  DEMO_WEEKLY_WINDOWS,
  EXAM_BLACKOUTS,
  EXAM_TIME_ZONE,
  HOLIDAYS_2026,
  HOLIDAYS_2027_PROVISIONAL,
} from './data/calendar.data';

/** The demo calendar as an engine spec in a zone, straight from the data tables. */
export function demoCalendarSpec(timeZone: string): CalendarSpec {
  const days = calendarDays([...HOLIDAYS_2026, ...HOLIDAYS_2027_PROVISIONAL]);
  return {
    timeZone,
    weekly: Object.fromEntries(Object.entries(DEMO_WEEKLY_WINDOWS).map(([day, windows]) => [Number(day), windows])),
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    makeUpWorkdays: days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date),
    blackouts: EXAM_BLACKOUTS.map((exam) => ({
      start: instantOf(exam.date, exam.start, EXAM_TIME_ZONE).getTime(),
      end: instantOf(exam.date, exam.end, EXAM_TIME_ZONE).getTime(),
      label: exam.reason,
    })),
  };
}
