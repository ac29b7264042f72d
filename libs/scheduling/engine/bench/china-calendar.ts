import { CalendarSpec, DEFAULT_WORKING_WINDOWS } from '../src';

/** Instant of a local Asia/Shanghai (UTC+8, no DST) wall time. */
export function shanghai(date: string, time = '00:00'): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * 2026: the State Council General Office notice of 2025-11-04 (关于2026年部分节假日安排的通知).
 * 2027: PROVISIONAL, estimated from the lunar calendar and the usual pattern; the official
 * 2027 arrangement was not available when this fixture was written. Fine for a benchmark.
 */
const HOLIDAYS = [
  ...range('2026-01-01', '2026-01-03'),
  ...range('2026-02-15', '2026-02-23'),
  ...range('2026-04-04', '2026-04-06'),
  ...range('2026-05-01', '2026-05-05'),
  ...range('2026-06-19', '2026-06-21'),
  ...range('2026-09-25', '2026-09-27'),
  ...range('2026-10-01', '2026-10-07'),
  ...range('2027-01-01', '2027-01-03'),
  ...range('2027-02-05', '2027-02-13'),
  ...range('2027-04-03', '2027-04-05'),
  ...range('2027-05-01', '2027-05-05'),
  ...range('2027-06-09', '2027-06-11'),
  ...range('2027-09-15', '2027-09-17'),
  ...range('2027-10-01', '2027-10-07'),
];

const MAKE_UP_WORKDAYS = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
  '2027-01-31',
  '2027-02-20',
  '2027-04-25',
  '2027-05-08',
  '2027-09-26',
  '2027-10-09',
];

/** Shenyang renovation calendar: noon break, Chinese holidays with 调休, exam-day blackouts. */
export const CHINA_2026_2027: CalendarSpec = {
  timeZone: 'Asia/Shanghai',
  weekly: {
    1: DEFAULT_WORKING_WINDOWS,
    2: DEFAULT_WORKING_WINDOWS,
    3: DEFAULT_WORKING_WINDOWS,
    4: DEFAULT_WORKING_WINDOWS,
    5: DEFAULT_WORKING_WINDOWS,
  },
  holidays: HOLIDAYS,
  makeUpWorkdays: MAKE_UP_WORKDAYS,
  blackouts: [
    { label: '2026 高考', start: shanghai('2026-06-07'), end: shanghai('2026-06-10') },
    { label: '2026 中考', start: shanghai('2026-06-24'), end: shanghai('2026-06-27') },
    { label: '2027 高考', start: shanghai('2027-06-07'), end: shanghai('2027-06-10') },
    { label: '2027 中考', start: shanghai('2027-06-24'), end: shanghai('2027-06-27') },
    { label: 'city inspection', start: shanghai('2026-09-15', '08:00'), end: shanghai('2026-09-15', '12:00') },
  ],
};
