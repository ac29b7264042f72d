import { weekdayOf } from '@worksite/shared-util-time';
import { calendarDays, EXAM_BLACKOUTS, HOLIDAYS_2026, HOLIDAYS_2027_PROVISIONAL } from './calendar.data';

describe('2026 holidays (official)', () => {
  const days = calendarDays(HOLIDAYS_2026);
  const off = days.filter((d) => d.kind === 'holiday').map((d) => d.date);
  const worked = days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date);

  it('lists every day off of each holiday, weekends included', () => {
    expect(off).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(off).toEqual(expect.arrayContaining(['2026-01-01', '2026-01-03', '2026-02-15', '2026-02-23', '2026-10-07']));
    expect(off).not.toContain('2026-02-24');
  });

  it('has the published 调休 make-up working days', () => {
    expect(worked).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('names the days', () => {
    expect(days.find((d) => d.date === '2026-10-01')?.name).toBe('国庆节');
    expect(days.find((d) => d.date === '2026-09-20')?.name).toBe('国庆节调休上班');
  });
});

describe.each([
  ['2026', HOLIDAYS_2026],
  ['2027 (provisional)', HOLIDAYS_2027_PROVISIONAL],
])('holiday table %s', (_, table) => {
  const days = calendarDays(table);

  it('has each date once', () => {
    expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
  });

  it('puts make-up days on weekends outside the holidays', () => {
    for (const day of days.filter((d) => d.kind === 'makeup_workday')) {
      expect([6, 7]).toContain(weekdayOf(day.date));
    }
  });

  it('has ranges that run forwards', () => {
    for (const holiday of table) expect(holiday.first <= holiday.last).toBe(true);
  });
});

describe('exam blackouts', () => {
  it('run forwards within one day and give a reason', () => {
    for (const exam of EXAM_BLACKOUTS) {
      expect(exam.start < exam.end).toBe(true);
      expect(exam.reason).toMatch(/考试|高考|中考/);
    }
  });

  it('cover the 2026 postgraduate exam and the June 2027 高考 and 中考', () => {
    const dates = EXAM_BLACKOUTS.map((e) => e.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-12-19', '2027-06-07', '2027-06-24']));
  });
});
