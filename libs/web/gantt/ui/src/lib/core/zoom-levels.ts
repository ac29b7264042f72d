import { GANTT_ZOOM_LEVELS, GanttZoomLevel } from '../gantt.types';
import type { SnapStep } from './snap';

/** Calendar unit of a time-scale tier. */
export type TickUnit = 'year' | 'month' | 'week' | 'day' | 'hour';

/** How a zoom level lays out time: scale, header tiers, drag grid. */
export interface ZoomSpec {
  readonly level: GanttZoomLevel;
  /** Milliseconds per pixel. */
  readonly msPerPx: number;
  /** Upper and lower header tiers; the lower one also draws the vertical grid lines. */
  readonly tiers: readonly [TickUnit, TickUnit];
  /** Drag and keyboard grid. */
  readonly snap: SnapStep;
  /** Blank time added before the first and after the last bar when no range is given. */
  readonly padding: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const ZOOM_SPECS: Readonly<Record<GanttZoomLevel, ZoomSpec>> = {
  // 60 px per hour: a 08:00–18:00 day is 600 px wide.
  hour: {
    level: 'hour',
    msPerPx: HOUR / 60,
    tiers: ['day', 'hour'],
    snap: { unit: 'minute', amount: 15 },
    padding: DAY,
  },
  // 96 px per day.
  day: {
    level: 'day',
    msPerPx: DAY / 96,
    tiers: ['month', 'day'],
    snap: { unit: 'minute', amount: 60 },
    padding: 7 * DAY,
  },
  // 28 px per day.
  week: {
    level: 'week',
    msPerPx: DAY / 28,
    tiers: ['week', 'day'],
    snap: { unit: 'day', amount: 1 },
    padding: 14 * DAY,
  },
  // 5 px per day, about 150 px per month.
  month: {
    level: 'month',
    msPerPx: DAY / 5,
    tiers: ['year', 'month'],
    snap: { unit: 'day', amount: 1 },
    padding: 60 * DAY,
  },
};

/** The next finer (`dir = -1`) or coarser (`dir = 1`) level, clamped at the ends. */
export function stepZoom(level: GanttZoomLevel, dir: -1 | 1): GanttZoomLevel {
  const i = GANTT_ZOOM_LEVELS.indexOf(level);
  const next = Math.min(GANTT_ZOOM_LEVELS.length - 1, Math.max(0, i + dir));
  return GANTT_ZOOM_LEVELS[next];
}
