import { anchoredScrollLeft, fittedMsPerPx, zoomAnchorOffset } from './zoom-anchor';
import { ZOOM_SPECS } from './zoom-levels';
import { TimeScale } from './time-scale';

const DAY = 86_400_000;

describe('month zoom fills the width', () => {
  it('spreads a half-year project over 1000 px instead of 5 px a day', () => {
    expect(fittedMsPerPx(ZOOM_SPECS.month, 200 * DAY, 1000)).toBe(DAY / 5);
    expect(fittedMsPerPx(ZOOM_SPECS.month, 100 * DAY, 1000)).toBe(DAY / 10);
  });

  it('stays between 28 px and 1 px a day, past which it scrolls', () => {
    expect(fittedMsPerPx(ZOOM_SPECS.month, 7 * DAY, 1000)).toBe(DAY / 28);
    expect(fittedMsPerPx(ZOOM_SPECS.month, 3000 * DAY, 1000)).toBe(DAY);
  });

  it('leaves the other levels, and a chart not yet measured, at their scale', () => {
    expect(fittedMsPerPx(ZOOM_SPECS.day, 100 * DAY, 1000)).toBe(ZOOM_SPECS.day.msPerPx);
    expect(fittedMsPerPx(ZOOM_SPECS.month, 100 * DAY, 0)).toBe(ZOOM_SPECS.month.msPerPx);
  });
});

describe('zoom keeps the date in view', () => {
  it('holds the centre, or the point under the pointer (within the chart)', () => {
    expect(zoomAnchorOffset(800)).toBe(400);
    expect(zoomAnchorOffset(800, 120)).toBe(120);
    expect(zoomAnchorOffset(800, -30)).toBe(0);
    expect(zoomAnchorOffset(800, 900)).toBe(800);
  });

  it('scrolls so the anchored time stays at its offset after the scale changes', () => {
    const origin = Date.UTC(2026, 10, 1);
    const week = new TimeScale(origin, origin + 120 * DAY, ZOOM_SPECS.week.msPerPx);
    const day = new TimeScale(origin, origin + 120 * DAY, ZOOM_SPECS.day.msPerPx);
    // 2026-11-15 at the centre of an 800 px chart beside a 240 px pane.
    const anchor = origin + 14 * DAY;
    const left = anchoredScrollLeft(day.x(anchor), 400, day.width, 240, 1040);
    expect(day.x(anchor) - left).toBe(400);
    expect(week.x(anchor)).toBe(14 * 28);
    // Near the start it cannot scroll before 0; near the end not past the content.
    expect(anchoredScrollLeft(day.x(origin + DAY), 400, day.width, 240, 1040)).toBe(0);
    expect(anchoredScrollLeft(day.x(origin + 119 * DAY), 100, day.width, 240, 1040)).toBe(day.width + 240 - 1040);
  });
});
