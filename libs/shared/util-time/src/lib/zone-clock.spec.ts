import { localDateOf } from './local-time';
import { DateTime } from 'luxon';
import { localDateIn, wallClockOf } from './zone-clock';

describe('zone clock', () => {
  it('gives the wall clock and local date as luxon does, across DST changes and odd offsets', () => {
    for (const zone of [
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'UTC',
    ]) {
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 3_601_000 * 7) {
        expect(wallClockOf(instant, zone)).toBe(
          DateTime.fromMillis(instant, { zone }).toFormat("yyyy-LL-dd'T'HH:mm:ss"),
        );
        expect(localDateIn(instant, zone)).toBe(localDateOf(instant, zone));
      }
    }
  });

  it('gives every local date from 1900 to 2400 as luxon does', () => {
    const wrong: string[] = [];
    for (let instant = Date.UTC(1900, 0, 1, 3); instant < Date.UTC(2400, 0, 1); instant += 86_400_000 + 3_600_000) {
      const expected = DateTime.fromMillis(instant, { zone: 'Asia/Shanghai' }).toISODate();
      if (localDateIn(instant, 'Asia/Shanghai') !== expected)
        wrong.push(`${instant}: ${localDateIn(instant, 'Asia/Shanghai')}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('changes the offset at the quarter hour the zone does, on the days of a change', () => {
    // Lord Howe moves by 30 minutes; each day of 2026 is seen every 10 minutes (a day without a
    // change is remembered whole after its first instant).
    const wrong: string[] = [];
    for (const zone of ['Europe/Berlin', 'Australia/Lord_Howe']) {
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 600_000) {
        const expected = DateTime.fromMillis(instant, { zone }).toFormat("yyyy-LL-dd'T'HH:mm:ss");
        if (wallClockOf(instant, zone) !== expected) wrong.push(`${zone} ${instant}: ${wallClockOf(instant, zone)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
