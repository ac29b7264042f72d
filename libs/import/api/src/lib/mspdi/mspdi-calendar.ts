/** MSPDI calendars read into our model: a week of windows, holidays, 调休 days and partial days. */

type Node = Record<string, unknown>;
export interface Window {
  start: string;
  end: string;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());
const list = (node: unknown, child: string): Node[] => {
  const value = (node as Node | undefined)?.[child];
  return value === undefined || value === '' ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node];
};

/** One MSPDI calendar in our terms. */
export interface MspdiCalendar {
  uid: string;
  name: string;
  /** ISO weekday (1 = Monday) → windows; a day without windows is off. */
  weekly: Record<number, Window[]>;
  /** Non-working exceptions. */
  holidays: string[];
  /** Working exceptions: dates with their own windows (on days off: 调休; on working days: other hours). */
  workingDays: { date: string; windows: Window[] }[];
  /** Recurring exceptions this reader cannot expand (yearly, monthly, weekly). */
  recurringSkipped: string[];
}

/** Every calendar of the file by UID, derived calendars completed from their base. */
export function readCalendars(project: Node): Map<string, MspdiCalendar> {
  const nodes = list(project['Calendars'], 'Calendar');
  const byUid = new Map(nodes.map((node) => [text(node['UID']), node]));
  const result = new Map<string, MspdiCalendar>();
  const build = (node: Node, depth: number): MspdiCalendar => {
    const uid = text(node['UID']);
    const known = result.get(uid);
    if (known) return known;
    const base = byUid.get(text(node['BaseCalendarUID']));
    const inherited =
      text(node['IsBaseCalendar']) !== '1' && base && base !== node && depth < 5 ? build(base, depth + 1) : null;
    const calendar = readOne(node, inherited);
    result.set(uid, calendar);
    return calendar;
  };
  for (const node of nodes) build(node, 0);
  return result;
}

function readOne(node: Node, base: MspdiCalendar | null): MspdiCalendar {
  const weekly: Record<number, Window[]> = base ? { ...base.weekly } : {};
  const holidays = new Set(base?.holidays ?? []);
  const working = new Map((base?.workingDays ?? []).map((day) => [day.date, day.windows]));
  const recurringSkipped: string[] = [];
  const mark = (dates: string[], dayWorking: boolean, windows: Window[]) => {
    for (const date of dates) {
      if (dayWorking) {
        holidays.delete(date);
        working.set(date, windows);
      } else {
        working.delete(date);
        holidays.add(date);
      }
    }
  };
  for (const day of list(node['WeekDays'], 'WeekDay')) {
    const type = Number(text(day['DayType']));
    const dayWorking = text(day['DayWorking']) === '1';
    if (type >= 1 && type <= 7) {
      weekly[type === 1 ? 7 : type - 1] = dayWorking ? windowsOf(day) : [];
    } else if (type === 0) {
      // The pre-2007 form of an exception (Project 2007+ still writes it next to <Exceptions>).
      mark(datesOf(day['TimePeriod'] as Node | undefined), dayWorking, windowsOf(day));
    }
  }
  for (const exception of list(node['Exceptions'], 'Exception')) {
    const type = text(exception['Type']);
    const dates = datesOf(exception['TimePeriod'] as Node | undefined);
    if (type !== '' && type !== '1') {
      // Recurring (yearly, monthly, weekly): expanded only when the WeekDay form above listed the dates.
      if (!dates.some((date) => holidays.has(date) || working.has(date))) {
        recurringSkipped.push(text(exception['Name']) || dates[0] || '?');
      }
      continue;
    }
    mark(dates, text(exception['DayWorking']) === '1', windowsOf(exception));
  }
  return {
    uid: text(node['UID']),
    name: text(node['Name']) || `Calendar ${text(node['UID'])}`,
    weekly,
    holidays: [...holidays].sort(),
    workingDays: [...working].map(([date, windows]) => ({ date, windows })).sort((a, b) => (a.date < b.date ? -1 : 1)),
    recurringSkipped,
  };
}

function windowsOf(day: Node): Window[] {
  return list(day['WorkingTimes'], 'WorkingTime')
    .map((time) => ({ start: text(time['FromTime']).slice(0, 5), end: endOf(text(time['ToTime'])) }))
    .filter((window) => /^\d\d:\d\d$/.test(window.start) && /^\d\d:\d\d$/.test(window.end));
}

const endOf = (time: string) => (time.startsWith('00:00') || time.startsWith('23:59') ? '24:00' : time.slice(0, 5));

function datesOf(period: Node | undefined): string[] {
  const from = text(period?.['FromDate']).slice(0, 10);
  const to = text(period?.['ToDate']).slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return [];
  const dates: string[] = [];
  for (
    let day = Date.parse(`${from}T00:00:00Z`);
    day <= Date.parse(`${to}T00:00:00Z`) && dates.length < 3660;
    day += 86_400_000
  ) {
    dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
}

/** Minutes after midnight of "HH:mm" ('24:00' → 1440). */
export const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The parts of `from` that `remove` does not cover, as windows. */
export function subtractWindows(from: readonly Window[], remove: readonly Window[]): Window[] {
  let parts = from.map((w) => [minuteOf(w.start), minuteOf(w.end)] as [number, number]);
  for (const cut of remove) {
    const [a, b] = [minuteOf(cut.start), minuteOf(cut.end)];
    parts = parts.flatMap(([s, e]) =>
      b <= s || a >= e
        ? [[s, e] as [number, number]]
        : (
            [
              [s, Math.min(a, e)],
              [Math.max(b, s), e],
            ] as [number, number][]
          ).filter(([x, y]) => y > x),
    );
  }
  return parts.map(([s, e]) => ({ start: timeOf(s), end: timeOf(e) }));
}

/** ISO weekday of a local date. */
export const isoWeekdayOf = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
};

/**
 * A calendar in the terms of ours: a working exception on a day off is a 调休 make-up day
 * (it works Monday's hours; the hours it lacks are blackouts); on a working day with fewer
 * hours, the hours it lacks are blackouts. Hours beyond the day's windows cannot be held:
 * they are listed in `extraHours`.
 */
export function toOurCalendar(calendar: MspdiCalendar): {
  weekly: Record<number, Window[]>;
  holidays: string[];
  makeUpWorkdays: string[];
  /** Local date + hours of no work. */
  blackouts: { date: string; start: string; end: string }[];
  extraHours: string[];
} {
  const weekly: Record<number, Window[]> = {};
  for (let day = 1; day <= 7; day++) weekly[day] = calendar.weekly[day] ?? [];
  const makeUpWorkdays: string[] = [];
  const blackouts: { date: string; start: string; end: string }[] = [];
  const extraHours: string[] = [];
  const holidays = new Set(calendar.holidays);
  for (const { date, windows } of calendar.workingDays) {
    let usual = weekly[isoWeekdayOf(date)];
    if (usual.length === 0) {
      makeUpWorkdays.push(date);
      usual = weekly[1].length
        ? weekly[1]
        : [
            { start: '08:00', end: '12:00' },
            { start: '14:00', end: '18:00' },
          ];
    }
    if (windows.length === 0) continue;
    if (subtractWindows(windows, usual).length > 0) extraHours.push(date);
    for (const gap of subtractWindows(usual, windows)) blackouts.push({ date, ...gap });
  }
  return {
    weekly,
    holidays: [...holidays].sort(),
    makeUpWorkdays: makeUpWorkdays.filter((date) => !holidays.has(date)),
    blackouts: blackouts.filter((b) => !holidays.has(b.date)),
    extraHours,
  };
}
