import { MakeReadyConstraintDto, weekDates, weekStartOf } from '@worksite/shared-make-ready';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { LookAheadRowDto } from './make-ready.types';

/** Open ones first, then by due date (none last), then oldest first. */
export function sortConstraints(list: readonly MakeReadyConstraintDto[]): MakeReadyConstraintDto[] {
  return [...list].sort(
    (a, b) =>
      Number(a.status !== 'open') - Number(b.status !== 'open') ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

/** One week of the look-ahead: the tasks starting in it, not-ready ones first. */
export interface LookAheadWeek {
  weekStart: string;
  weekEnd: string;
  notReady: LookAheadRowDto[];
  ready: LookAheadRowDto[];
}

/**
 * The look-ahead's rows by the Monday week of their planned start (local date in `zone`);
 * a task that started before the window counts in its first week. Every week of the window
 * is listed, even an empty one.
 */
export function lookAheadWeeks(
  rows: readonly LookAheadRowDto[],
  from: string,
  weeks: number,
  zone: string,
): LookAheadWeek[] {
  const first = weekStartOf(from);
  const result: LookAheadWeek[] = Array.from({ length: weeks }, (_, i) => {
    const weekStart = addDays(first, 7 * i);
    return { weekStart, weekEnd: weekDates(weekStart)[6], notReady: [], ready: [] };
  });
  for (const row of rows) {
    const start = localDateOf(Date.parse(row.task.plannedStart), zone);
    const index = Math.max(0, Math.floor(daysBetween(first, weekStartOf(start)) / 7));
    const week = result[index];
    if (!week) continue;
    (row.ready ? week.ready : week.notReady).push(row);
  }
  return result;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
