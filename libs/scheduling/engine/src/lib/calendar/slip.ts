import { normalizeCalendarSpec } from './calendar-spec';
import { WorkingCalendar } from './working-calendar';

/**
 * Working minutes of a normal working day of the calendar: the most common day length among
 * the weekdays that have working time (the longer one on a tie), so that a Saturday morning
 * shift does not shrink the "day" a Monday–Friday crew works.
 */
export function workingDayMinutes(calendar: WorkingCalendar): number {
  const { weekly } = normalizeCalendarSpec(calendar.spec);
  const days = new Map<number, number>();
  for (let day = 1; day <= 7; day++) {
    const windows = weekly[day];
    let minutes = 0;
    for (let i = 0; i < windows.length; i += 2) minutes += windows[i + 1] - windows[i];
    if (minutes > 0) days.set(minutes, (days.get(minutes) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [minutes, count] of days) {
    if (count > bestCount || (count === bestCount && minutes > best)) {
      best = minutes;
      bestCount = count;
    }
  }
  return best;
}

/**
 * How many working days `current` lies after `baseline` (negative: before), counted in the
 * calendar's working time — weekends, holidays, 调休 and blackouts excluded — in normal working
 * days, to a tenth: a task moved from Friday to the next Monday has slipped 1 day, not 3.
 */
export function slipInWorkingDays(
  calendar: WorkingCalendar,
  baseline: number,
  current: number,
  dayMinutes: number = workingDayMinutes(calendar),
): number {
  if (baseline === current || dayMinutes <= 0) return 0;
  const days = Math.round((calendar.workingMinutesBetween(baseline, current) / dayMinutes) * 10) / 10;
  // No "-0" in what people read.
  return days === 0 ? 0 : days;
}
