import { BlackoutWindowEntity, CalendarEntity, CalendarExceptionEntity } from '@worksite/server-data-access';
import { CalendarSpec, WorkingCalendar } from '@worksite/scheduling-engine';
import { CalendarExceptionKind } from '@worksite/shared-domain';
import { instantOf } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';
import {
  calendarDays,
  DEMO_CALENDAR_NAME,
  DEMO_WEEKLY_WINDOWS,
  EXAM_BLACKOUTS,
  EXAM_TIME_ZONE,
  HOLIDAYS_2026,
  HOLIDAYS_2027_PROVISIONAL,
} from './data/calendar.data';
import { demoId } from './demo-id';
import { SeedWriter } from './seed-writer';

/** The community's working calendar with 2026–2027 holidays, 调休 days and exam blackouts; returns its id. */
export async function seedCalendar(writer: SeedWriter): Promise<string> {
  const ids = await writer.ensure(
    CalendarEntity,
    [
      {
        key: DEMO_CALENDAR_NAME,
        id: demoId('calendar', DEMO_CALENDAR_NAME),
        row: { name: DEMO_CALENDAR_NAME, weeklyWindows: DEMO_WEEKLY_WINDOWS },
      },
    ],
    await writer.idsByKey('SELECT id, name AS key FROM calendars WHERE name = $1 ORDER BY created_at', [
      DEMO_CALENDAR_NAME,
    ]),
  );
  const calendarId = ids.get(DEMO_CALENDAR_NAME) as string;
  await writer.insert(
    CalendarExceptionEntity,
    calendarDays([...HOLIDAYS_2026, ...HOLIDAYS_2027_PROVISIONAL]).map((day) => ({
      id: demoId('calendar-exception', DEMO_CALENDAR_NAME, day.date),
      calendarId,
      date: day.date,
      kind: day.kind === 'holiday' ? CalendarExceptionKind.Holiday : CalendarExceptionKind.MakeUpWorkday,
      name: day.name,
    })),
  );
  await writer.insert(
    BlackoutWindowEntity,
    EXAM_BLACKOUTS.map((exam) => ({
      id: demoId('blackout-window', DEMO_CALENDAR_NAME, exam.date, exam.start),
      calendarId,
      startsAt: instantOf(exam.date, exam.start, EXAM_TIME_ZONE),
      endsAt: instantOf(exam.date, exam.end, EXAM_TIME_ZONE),
      reason: exam.reason,
    })),
  );
  return calendarId;
}

/**
 * The engine calendar of a stored calendar in a zone, read back from the database the way
 * the API reads it (make-up days take Monday's windows), so seeded tasks fit what the API
 * and the engine will compute.
 */
export async function loadWorkingCalendar(
  manager: EntityManager,
  calendarId: string,
  timeZone: string,
): Promise<WorkingCalendar> {
  // One after the other: the transaction has a single connection.
  const calendar = await manager.findOneByOrFail(CalendarEntity, { id: calendarId });
  const exceptions = await manager.findBy(CalendarExceptionEntity, { calendarId });
  const blackouts = await manager.findBy(BlackoutWindowEntity, { calendarId });
  const spec: CalendarSpec = {
    timeZone,
    weekly: Object.fromEntries(Object.entries(calendar.weeklyWindows).map(([day, windows]) => [Number(day), windows])),
    holidays: exceptions.filter((e) => e.kind === CalendarExceptionKind.Holiday).map((e) => e.date),
    makeUpWorkdays: exceptions.filter((e) => e.kind === CalendarExceptionKind.MakeUpWorkday).map((e) => e.date),
    blackouts: blackouts.map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime(), label: b.reason })),
  };
  return WorkingCalendar.compile(spec);
}
