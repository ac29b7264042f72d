import { addDays, weekdayOf } from '@worksite/shared-util-time';

/** Weeks run Monday to Sunday (local dates), as Chinese site weeks do. */
export function weekStartOf(date: string): string {
  const weekday = weekdayOf(date); // 1 = Monday … 7 = Sunday
  return addDays(date, -(weekday - 1));
}

/** The seven local dates of the week starting `weekStart`. */
export function weekDates(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/**
 * A week (its Monday) against `today` (a local date): `ahead` (not begun: no PPC yet), `running`
 * (its PPC is a figure so far: commitments not yet due count as not done) or `over`.
 */
export function weekState(weekStart: string, today: string): 'ahead' | 'running' | 'over' {
  const current = weekStartOf(today);
  return weekStart > current ? 'ahead' : weekStart === current ? 'running' : 'over';
}

/**
 * The weeks of [from, to] (Mondays) that are over by `today`: the weeks whose commitments are all
 * due, which per-department and per-crew PPC count. Null when none of them is over yet.
 */
export function weeksOver(from: string, to: string, today: string): { from: string; to: string } | null {
  const lastOver = addDays(weekStartOf(today), -7);
  const end = to < lastOver ? to : lastOver;
  return end >= from ? { from, to: end } : null;
}

/** Look-ahead windows a user may choose, in weeks. */
export const LOOK_AHEAD_WEEKS = [2, 3, 4, 5, 6] as const;
export const DEFAULT_LOOK_AHEAD_WEEKS = 6;
