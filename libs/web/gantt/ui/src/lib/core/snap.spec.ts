import { addSteps, applyDrag, applyNudge, nextGridPoint, snapToGrid, stepMs } from './snap';

const ZONE = 'Asia/Shanghai';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2026-03-10 08:00 in Shanghai. */
const T8 = Date.UTC(2026, 2, 10, 0);
const quarter = { unit: 'minute', amount: 15 } as const;
const day = { unit: 'day', amount: 1 } as const;

describe('snapping', () => {
  it('rounds to the quarter-hour wall-clock grid', () => {
    expect(snapToGrid(T8 + 7 * MIN, quarter, ZONE)).toBe(T8);
    expect(snapToGrid(T8 + 8 * MIN, quarter, ZONE)).toBe(T8 + 15 * MIN);
    expect(snapToGrid(T8 + 8 * MIN, quarter, ZONE, 'floor')).toBe(T8);
  });

  it('snaps day steps to local midnight, not UTC midnight', () => {
    const midnight = T8 - 8 * HOUR;
    expect(snapToGrid(T8, day, ZONE, 'floor')).toBe(midnight);
    expect(snapToGrid(T8 + 5 * HOUR, day, ZONE)).toBe(midnight + DAY);
  });

  it('moves by whole days keeping the time of day', () => {
    expect(addSteps(T8, day, ZONE, 3)).toBe(T8 + 3 * DAY);
    expect(stepMs(day)).toBe(DAY);
  });

  it('moves a bar on the quarter-hour grid, keeping its duration', () => {
    const origin = { start: T8 + 5 * MIN, finish: T8 + 2 * HOUR + 5 * MIN };
    expect(applyDrag('move', origin, 22 * MIN, quarter, ZONE)).toEqual({
      start: T8 + 30 * MIN,
      finish: T8 + 2 * HOUR + 30 * MIN,
    });
  });

  it('moves a bar by whole days at coarse zoom', () => {
    const origin = { start: T8, finish: T8 + 4 * HOUR };
    expect(applyDrag('move', origin, 1.6 * DAY, day, ZONE)).toEqual({
      start: T8 + 2 * DAY,
      finish: T8 + 2 * DAY + 4 * HOUR,
    });
    expect(applyDrag('move', origin, 0.4 * DAY, day, ZONE)).toEqual(origin);
  });

  it('resizes either end and never below one step', () => {
    const origin = { start: T8, finish: T8 + 2 * HOUR };
    expect(applyDrag('resize-end', origin, 31 * MIN, quarter, ZONE)).toEqual({ start: T8, finish: T8 + 2.5 * HOUR });
    expect(applyDrag('resize-start', origin, -HOUR, quarter, ZONE)).toEqual({
      start: T8 - HOUR,
      finish: T8 + 2 * HOUR,
    });
    expect(applyDrag('resize-end', origin, -5 * HOUR, quarter, ZONE)).toEqual({ start: T8, finish: T8 + 15 * MIN });
    expect(applyDrag('resize-start', origin, 5 * HOUR, quarter, ZONE)).toEqual({
      start: T8 + 2 * HOUR - 15 * MIN,
      finish: T8 + 2 * HOUR,
    });
  });

  it('keeps a short task its length when a day-step resize would invert it', () => {
    const origin = { start: T8, finish: T8 + 4 * HOUR };
    expect(applyDrag('resize-end', origin, -2 * DAY, day, ZONE)).toEqual(origin);
  });

  it('nudges to the next grid point in either direction', () => {
    expect(nextGridPoint(T8 + 7 * MIN, quarter, ZONE, 1)).toBe(T8 + 15 * MIN);
    expect(nextGridPoint(T8 + 7 * MIN, quarter, ZONE, -1)).toBe(T8);
    expect(nextGridPoint(T8, quarter, ZONE, -1)).toBe(T8 - 15 * MIN);
    const origin = { start: T8, finish: T8 + HOUR };
    expect(applyNudge('move', origin, 1, quarter, ZONE)).toEqual({
      start: T8 + 15 * MIN,
      finish: T8 + HOUR + 15 * MIN,
    });
    expect(applyNudge('resize-end', origin, -1, quarter, ZONE)).toEqual({ start: T8, finish: T8 + 45 * MIN });
    expect(applyNudge('move', origin, -1, day, ZONE)).toEqual({ start: T8 - DAY, finish: T8 - DAY + HOUR });
  });
});
