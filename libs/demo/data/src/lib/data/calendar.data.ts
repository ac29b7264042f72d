import { addDays } from '@worksite/shared-util-time';

/** Name of the demo calendar. */
export const DEMO_CALENDAR_NAME = '和平新村施工日历';

/**
 * Working windows per ISO weekday: the residential noise rules (no work before 08:00,
 * over the noon rest or after 18:00), Saturday mornings only, no work on Sundays.
 */
export const DEMO_WEEKLY_WINDOWS: Record<string, { start: string; end: string }[]> = {
  '1': [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ],
  '2': [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ],
  '3': [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ],
  '4': [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ],
  '5': [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ],
  '6': [{ start: '08:00', end: '12:00' }],
};

/** A public holiday: the days off [first, last] and the 调休 make-up working days. */
export interface HolidaySpec {
  name: string;
  first: string;
  last: string;
  makeUpWorkdays: string[];
}

/** 2026: the official arrangement of the State Council General Office (国务院办公厅). */
export const HOLIDAYS_2026: HolidaySpec[] = [
  { name: '元旦', first: '2026-01-01', last: '2026-01-03', makeUpWorkdays: ['2026-01-04'] },
  { name: '春节', first: '2026-02-15', last: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', first: '2026-04-04', last: '2026-04-06', makeUpWorkdays: [] },
  { name: '劳动节', first: '2026-05-01', last: '2026-05-05', makeUpWorkdays: ['2026-05-09'] },
  { name: '端午节', first: '2026-06-19', last: '2026-06-21', makeUpWorkdays: [] },
  { name: '中秋节', first: '2026-09-25', last: '2026-09-27', makeUpWorkdays: [] },
  { name: '国庆节', first: '2026-10-01', last: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
];

/**
 * 2027: PROVISIONAL. The State Council publishes each year's arrangement in the autumn
 * before; these dates follow the lunar calendar and the 2026 pattern and must be replaced
 * by the official notice when it appears.
 */
export const HOLIDAYS_2027_PROVISIONAL: HolidaySpec[] = [
  { name: '元旦', first: '2027-01-01', last: '2027-01-03', makeUpWorkdays: [] },
  { name: '春节', first: '2027-02-05', last: '2027-02-13', makeUpWorkdays: ['2027-01-31', '2027-02-20'] },
  { name: '清明节', first: '2027-04-03', last: '2027-04-05', makeUpWorkdays: [] },
  { name: '劳动节', first: '2027-05-01', last: '2027-05-05', makeUpWorkdays: ['2027-04-25'] },
  { name: '端午节', first: '2027-06-09', last: '2027-06-09', makeUpWorkdays: [] },
  { name: '中秋节', first: '2027-09-15', last: '2027-09-15', makeUpWorkdays: [] },
  { name: '国庆节', first: '2027-10-01', last: '2027-10-07', makeUpWorkdays: ['2027-09-26', '2027-10-09'] },
];

/** One calendar exception row: a local date off, or a 调休 day worked. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
}

/** Expands holiday ranges into one entry per local date, sorted by date. */
export function calendarDays(holidays: HolidaySpec[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const holiday of holidays) {
    for (let date = holiday.first; date <= holiday.last; date = addDays(date, 1)) {
      days.push({ date, kind: 'holiday', name: holiday.name });
    }
    for (const date of holiday.makeUpWorkdays) {
      days.push({ date, kind: 'makeup_workday', name: `${holiday.name}调休上班` });
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** An exam day on which noisy works stop around the 126中学八经校区 exam site. */
export interface ExamBlackout {
  date: string;
  start: string;
  end: string;
  reason: string;
}

/** Exam windows are local times in Shenyang, whatever the project's zone. */
export const EXAM_TIME_ZONE = 'Asia/Shanghai';

const SITE = '126中学八经校区考点周边禁止噪声施工';

/** Exam days (dates of 2027 to be confirmed when the education bureaus publish them). */
export const EXAM_BLACKOUTS: ExamBlackout[] = [
  { date: '2026-12-19', start: '07:30', end: '18:00', reason: `全国硕士研究生招生考试第1天，${SITE}` },
  { date: '2026-12-20', start: '07:30', end: '18:00', reason: `全国硕士研究生招生考试第2天，${SITE}` },
  { date: '2027-06-07', start: '07:30', end: '18:30', reason: `2027年普通高考（辽宁）第1天，${SITE}` },
  { date: '2027-06-08', start: '07:30', end: '18:30', reason: `2027年普通高考（辽宁）第2天，${SITE}` },
  { date: '2027-06-09', start: '07:30', end: '18:30', reason: `2027年普通高考（辽宁）第3天，${SITE}` },
  { date: '2027-06-24', start: '07:30', end: '17:30', reason: `2027年沈阳市中考第1天，${SITE}` },
  { date: '2027-06-25', start: '07:30', end: '17:30', reason: `2027年沈阳市中考第2天，${SITE}` },
  { date: '2027-06-26', start: '07:30', end: '17:30', reason: `2027年沈阳市中考第3天，${SITE}` },
];
