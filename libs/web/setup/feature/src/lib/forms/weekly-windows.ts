import { CalendarSpecError, normalizeCalendarSpec } from '@worksite/scheduling-engine';
import { FieldError } from './form-model';

export interface WorkWindow {
  start: string;
  end: string;
}

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Working windows per ISO weekday ("1" Monday … "7" Sunday); a day without windows is off. */
export type WeeklyWindows = Partial<Record<Weekday, WorkWindow[]>>;

/** The API's default: Monday to Friday 08:00–12:00 and 14:00–18:00 (residential noise rules, noon break). */
export function defaultWeek(): WeeklyWindows {
  return Object.fromEntries(
    WEEKDAYS.slice(0, 5).map((day) => [
      day,
      [
        { start: '08:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    ]),
  );
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** The API's check of a calendar's weekly windows, run in the browser by the same engine rule. */
export function weeklyWindowsError(value: unknown): FieldError | null {
  if (value === undefined || value === null) return null;
  const week = value as WeeklyWindows;
  const windows = WEEKDAYS.flatMap((day) => week[day] ?? []);
  if (windows.some((window) => !TIME.test(window.start) || !TIME.test(window.end))) {
    return { key: 'setup.errors.time' };
  }
  try {
    if (!normalizeCalendarSpec({ weekly: week }).hasWorkingTime) return { key: 'setup.calendars.noWorkingTime' };
  } catch (error) {
    if (!(error instanceof CalendarSpecError)) throw error;
    return { key: 'setup.calendars.windowInvalid' };
  }
  return null;
}

/** The breaks between a day's windows (the noon break): gaps between consecutive windows. */
export function breaksOf(windows: readonly WorkWindow[]): WorkWindow[] {
  const sorted = [...windows]
    .filter((w) => TIME.test(w.start) && TIME.test(w.end))
    .sort((a, b) => a.start.localeCompare(b.start));
  const breaks: WorkWindow[] = [];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i - 1].end < sorted[i].start) breaks.push({ start: sorted[i - 1].end, end: sorted[i].start });
  }
  return breaks;
}

/** "08:00–12:00, 14:00–18:00" for a list row. */
export function windowsText(windows: readonly WorkWindow[] | undefined): string {
  return (windows ?? []).map((window) => `${window.start}–${window.end}`).join(', ');
}

/**
 * A week in short: consecutive days with the same windows together, e.g.
 * [{days: ["1","5"], windows: "08:00–12:00, 14:00–18:00"}, {days: ["6","6"], windows: "08:00–12:00"}].
 */
export function weekGroups(week: WeeklyWindows | undefined): { from: Weekday; to: Weekday; windows: string }[] {
  const groups: { from: Weekday; to: Weekday; windows: string }[] = [];
  let previous: Weekday | null = null;
  for (const day of WEEKDAYS) {
    const windows = windowsText(week?.[day]);
    const last = groups[groups.length - 1];
    if (windows && last && previous === last.to && last.windows === windows) last.to = day;
    else if (windows) groups.push({ from: day, to: day, windows });
    previous = day;
  }
  return groups;
}
