import { dataRange, TimeScale } from './time-scale';
import { timeTicks } from './time-ticks';
import { ZOOM_SPECS, stepZoom } from './zoom-levels';

const ZONE = 'Asia/Shanghai';
/** 2026-03-10 00:00 in Shanghai (UTC+8). */
const DAY0 = Date.UTC(2026, 2, 9, 16);
const HOUR = 3_600_000;

describe('TimeScale', () => {
  it('maps times to pixels and back', () => {
    const scale = new TimeScale(DAY0, DAY0 + 24 * HOUR, ZOOM_SPECS.hour.msPerPx);
    expect(scale.x(DAY0 + 8 * HOUR)).toBe(480);
    expect(scale.time(480)).toBe(DAY0 + 8 * HOUR);
    expect(scale.width).toBe(1440);
    expect(scale.range(0, 60)).toEqual({ start: DAY0, finish: DAY0 + HOUR });
  });

  it('makes a working day (08:00–18:00) readable at hour zoom', () => {
    const scale = new TimeScale(DAY0, DAY0 + 24 * HOUR, ZOOM_SPECS.hour.msPerPx);
    expect(scale.x(DAY0 + 18 * HOUR) - scale.x(DAY0 + 8 * HOUR)).toBe(600);
  });

  it('pads the bars span, or centres on a fallback when there are no bars', () => {
    expect(
      dataRange(
        [
          { start: 100, finish: 200 },
          { start: 50, finish: 150 },
        ],
        10,
        0,
      ),
    ).toEqual({ start: 40, finish: 210 });
    expect(dataRange([], 10, 1000)).toEqual({ start: 990, finish: 1010 });
  });

  it('steps zoom levels and clamps at the ends', () => {
    expect(stepZoom('day', -1)).toBe('hour');
    expect(stepZoom('hour', -1)).toBe('hour');
    expect(stepZoom('week', 1)).toBe('month');
    expect(stepZoom('month', 1)).toBe('month');
  });
});

describe('timeTicks', () => {
  const zh = { zone: ZONE, locale: 'zh-CN', weekLabel: '{year}年第{week}周' };

  it('lays out hours in the display zone with 24-hour labels', () => {
    const scale = new TimeScale(DAY0, DAY0 + 2 * 24 * HOUR, ZOOM_SPECS.hour.msPerPx);
    const ticks = timeTicks(scale, DAY0 + 8 * HOUR, DAY0 + 10 * HOUR, { ...zh, unit: 'hour', tier: 'bottom' });
    expect(ticks.map((t) => t.label)).toEqual(['08:00', '09:00', '10:00']);
    expect(ticks[0].x).toBe(480);
    expect(ticks[0].width).toBe(60);
  });

  it('starts day cells at local midnight and formats them in Chinese', () => {
    const scale = new TimeScale(DAY0 - 24 * HOUR, DAY0 + 5 * 24 * HOUR, ZOOM_SPECS.hour.msPerPx);
    const [day] = timeTicks(scale, DAY0 + 3 * HOUR, DAY0 + 4 * HOUR, { ...zh, unit: 'day', tier: 'top' });
    expect(day.start).toBe(DAY0);
    expect(day.label).toContain('2026年3月10日');
    expect(day.label).toContain('周二');
  });

  it('formats month and year tiers', () => {
    const scale = new TimeScale(DAY0 - 400 * 24 * HOUR, DAY0 + 400 * 24 * HOUR, ZOOM_SPECS.month.msPerPx);
    const months = timeTicks(scale, DAY0, DAY0 + 40 * 24 * HOUR, { ...zh, unit: 'month', tier: 'bottom' });
    expect(months.map((t) => t.label)).toEqual(['3月', '4月']);
    const [year] = timeTicks(scale, DAY0, DAY0 + HOUR, { ...zh, unit: 'year', tier: 'top' });
    expect(year.label).toBe('2026年');
  });

  it('labels ISO weeks and marks weekends', () => {
    const scale = new TimeScale(DAY0 - 30 * 24 * HOUR, DAY0 + 30 * 24 * HOUR, ZOOM_SPECS.week.msPerPx);
    const [week] = timeTicks(scale, DAY0, DAY0 + HOUR, { ...zh, unit: 'week', tier: 'top' });
    expect(week.label).toBe('2026年第11周');
    const days = timeTicks(scale, DAY0, DAY0 + 6 * 24 * HOUR, { ...zh, unit: 'day', tier: 'bottom' });
    expect(days.filter((d) => d.weekend).map((d) => d.label)).toEqual(['14日', '15日']);
  });

  it('uses English formats for an English locale', () => {
    const scale = new TimeScale(DAY0 - 40 * 24 * HOUR, DAY0 + 40 * 24 * HOUR, ZOOM_SPECS.day.msPerPx);
    const [month] = timeTicks(scale, DAY0, DAY0 + HOUR, {
      zone: ZONE,
      locale: 'en-GB',
      weekLabel: 'W{week}',
      unit: 'month',
      tier: 'top',
    });
    expect(month.label).toBe('March 2026');
  });
});

describe('cachedZone', () => {
  it('gives the same offsets as luxon across a DST change', async () => {
    const { DateTime } = await import('luxon');
    const { cachedZone } = await import('./zone-cache');
    const zone = cachedZone('Europe/Berlin');
    // 2026-03-29 01:00 UTC: Berlin moves from +60 to +120 minutes.
    const change = Date.UTC(2026, 2, 29, 1);
    for (const t of [change - 60_000, change, change + 60_000, DAY0]) {
      expect(zone.offset(t)).toBe(DateTime.fromMillis(t, { zone: 'Europe/Berlin' }).offset);
    }
    expect(cachedZone('Europe/Berlin')).toBe(zone);
  });
});

describe('timeTicks across a DST change and ISO weeks', () => {
  it('falls back to zone-aware boundaries when the offset changes (Europe/Berlin)', () => {
    const start = Date.UTC(2026, 2, 28, 12);
    const scale = new TimeScale(start, start + 48 * HOUR, ZOOM_SPECS.hour.msPerPx);
    const ticks = timeTicks(scale, start, start + 36 * HOUR, {
      zone: 'Europe/Berlin',
      locale: 'en-GB',
      weekLabel: 'W{week}',
      unit: 'day',
      tier: 'bottom',
    });
    // Sunday 29 March 2026 has only 23 hours in Berlin.
    expect(ticks.map((t) => t.width / 60)).toEqual([24, 23, 24]);
  });

  it('numbers ISO weeks at year boundaries', async () => {
    const { isoWeek } = await import('./time-ticks');
    expect(isoWeek({ year: 2026, month: 1, day: 1, weekday: 4 })).toEqual({ week: 1, year: 2026 });
    expect(isoWeek({ year: 2027, month: 1, day: 1, weekday: 5 })).toEqual({ week: 53, year: 2026 });
    expect(isoWeek({ year: 2024, month: 12, day: 30, weekday: 1 })).toEqual({ week: 1, year: 2025 });
  });
});
