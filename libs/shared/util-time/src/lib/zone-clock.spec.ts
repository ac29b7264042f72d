import { localDateOf } from './local-time';
import { DateTime } from 'luxon';
import { localDateIn, wallClockOf } from './zone-clock';

describe('zone clock', () => {
  it('gives the wall clock and local date as luxon does, across DST changes and odd offsets', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'UTC']) {
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 3_601_000 * 7) {
        expect(wallClockOf(instant, zone)).toBe(
          DateTime.fromMillis(instant, { zone }).toFormat("yyyy-LL-dd'T'HH:mm:ss"),
        );
        expect(localDateIn(instant, zone)).toBe(localDateOf(instant, zone));
      }
    }
  });
});
