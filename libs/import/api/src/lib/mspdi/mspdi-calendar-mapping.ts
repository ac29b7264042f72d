import { parseLocalDateTime } from '@worksite/import-domain';
import {
  BlackoutWindowEntity,
  CalendarEntity,
  CalendarExceptionEntity,
  ProjectEntity,
} from '@worksite/server-data-access';
import { CalendarExceptionKind } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';
import { MspdiCalendar, toOurCalendar } from './mspdi-calendar';

/** The calendar an MSPDI import gave the project. */
export interface MappedCalendar {
  id: string | null;
  name: string;
  /** A new calendar was made (false: an identical one was reused). */
  created: boolean;
  /** Dates whose working time goes beyond the usual hours (not held). */
  extraHours: string[];
}

const week = (weekly: Record<string, { start: string; end: string }[]>) =>
  JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((day) => (weekly[String(day)] ?? []).map((w) => `${w.start}-${w.end}`)));

/**
 * The file's project calendar as one of ours, assigned to the project (in the import's
 * transaction): an existing calendar with the same week, holidays, 调休 days and blackouts is
 * reused; else one is made, named after the file's calendar ("Standard (MS Project 2)" when the
 * name is taken by another). On a dry run nothing is written and the project keeps its calendar.
 */
export async function mapCalendar(
  manager: EntityManager,
  project: ProjectEntity,
  file: MspdiCalendar,
  dryRun: boolean,
): Promise<MappedCalendar> {
  const ours = toOurCalendar(file);
  const zone = project.timeZone;
  const instant = (date: string, time: string) =>
    time === '24:00'
      ? (parseLocalDateTime(`${date} 00:00`, zone)?.instant ?? 0) + 86_400_000
      : (parseLocalDateTime(`${date} ${time}`, zone)?.instant ?? 0);
  const blackouts = ours.blackouts.map((b) => ({ start: instant(b.date, b.start), end: instant(b.date, b.end) }));
  const wanted = JSON.stringify({
    week: week(ours.weekly),
    holidays: ours.holidays,
    makeUps: [...ours.makeUpWorkdays].sort(),
    blackouts: blackouts.map((b) => `${b.start}-${b.end}`).sort(),
  });

  const calendars = await manager.find(CalendarEntity, { order: { createdAt: 'ASC' } });
  const exceptions = await manager.find(CalendarExceptionEntity);
  const cuts = await manager.find(BlackoutWindowEntity);
  const shapeOf = (calendar: CalendarEntity) =>
    JSON.stringify({
      week: week(calendar.weeklyWindows),
      holidays: exceptions
        .filter((e) => e.calendarId === calendar.id && e.kind === CalendarExceptionKind.Holiday)
        .map((e) => e.date)
        .sort(),
      makeUps: exceptions
        .filter((e) => e.calendarId === calendar.id && e.kind === CalendarExceptionKind.MakeUpWorkday)
        .map((e) => e.date)
        .sort(),
      blackouts: cuts
        .filter((b) => b.calendarId === calendar.id)
        .map((b) => `${b.startsAt.getTime()}-${b.endsAt.getTime()}`)
        .sort(),
    });
  // The project's own calendar first: a re-import changes nothing.
  const same =
    calendars.find((calendar) => calendar.id === project.calendarId && shapeOf(calendar) === wanted) ??
    calendars.find((calendar) => shapeOf(calendar) === wanted);
  if (same) {
    if (!dryRun && project.calendarId !== same.id) {
      await manager.update(ProjectEntity, { id: project.id }, { calendarId: same.id });
    }
    return { id: same.id, name: same.name, created: false, extraHours: ours.extraHours };
  }

  const taken = new Set(calendars.map((calendar) => calendar.name));
  const base = (file.name || 'MS Project').slice(0, 180);
  let name = base;
  for (let n = 1; taken.has(name); n++) name = n === 1 ? `${base} (MS Project)` : `${base} (MS Project ${n})`;
  if (dryRun) return { id: null, name, created: true, extraHours: ours.extraHours };

  const calendar = await manager.save(
    manager.create(CalendarEntity, {
      name,
      weeklyWindows: Object.fromEntries(Object.entries(ours.weekly).map(([day, windows]) => [day, windows])),
    }),
  );
  const rows = [
    ...ours.holidays.map((date) => ({ date, kind: CalendarExceptionKind.Holiday, name: 'MS Project' })),
    ...ours.makeUpWorkdays.map((date) => ({ date, kind: CalendarExceptionKind.MakeUpWorkday, name: '调休' })),
  ];
  for (let i = 0; i < rows.length; i += 1000) {
    await manager.insert(
      CalendarExceptionEntity,
      rows.slice(i, i + 1000).map((row) => ({ ...row, calendarId: calendar.id })),
    );
  }
  for (let i = 0; i < blackouts.length; i += 1000) {
    await manager.insert(
      BlackoutWindowEntity,
      blackouts.slice(i, i + 1000).map((b) => ({
        calendarId: calendar.id,
        startsAt: new Date(b.start),
        endsAt: new Date(b.end),
        reason: 'MS Project',
      })),
    );
  }
  await manager.update(ProjectEntity, { id: project.id }, { calendarId: calendar.id });
  return { id: calendar.id, name, created: true, extraHours: ours.extraHours };
}
