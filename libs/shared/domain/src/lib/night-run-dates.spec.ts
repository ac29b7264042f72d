import { nightRunDate, nightRunSendsAt } from './night-run-dates';

describe('night run dates', () => {
  it('sends a date the evening before, at the send time in the project zone', () => {
    expect(nightRunSendsAt('2026-12-09', '20:00', 'Asia/Shanghai').toISOString()).toBe('2026-12-08T12:00:00.000Z');
    expect(nightRunSendsAt('2026-03-01', '19:30', 'Asia/Shanghai').toISOString()).toBe('2026-02-28T11:30:00.000Z');
    expect(nightRunSendsAt('2026-03-30', '20:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T18:00:00.000Z');
  });

  it('a run fired at the send instant of a date serves that date', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']) {
      for (const date of ['2026-01-01', '2026-03-08', '2026-03-29', '2026-11-01', '2026-12-31']) {
        for (const time of ['00:00', '19:30', '23:59']) {
          expect(nightRunDate(nightRunSendsAt(date, time, zone).getTime(), zone)).toBe(date);
        }
      }
    }
  });

  it('a run fired just after local midnight serves the next day', () => {
    expect(nightRunDate(Date.parse('2026-12-07T16:00:30Z'), 'Asia/Shanghai')).toBe('2026-12-09');
    expect(nightRunDate(Date.parse('2026-12-07T15:59:30Z'), 'Asia/Shanghai')).toBe('2026-12-08');
  });
});
