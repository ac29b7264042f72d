import { DateTime } from 'luxon';
import { cachedZone } from './zone-cache';
import type { GanttDragKind, GanttTimeRange } from '../gantt.types';

/**
 * Drag grid. Minute steps snap to wall-clock multiples in the display zone (08:15, 08:30);
 * day steps shift by whole local days and keep the time of day (08:00 stays 08:00).
 */
export type SnapStep = { readonly unit: 'minute' | 'day'; readonly amount: number };

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Nominal length of one step in milliseconds. */
export function stepMs(step: SnapStep): number {
  return step.amount * (step.unit === 'day' ? DAY : MINUTE);
}

function offsetMs(t: number, zone: string): number {
  return DateTime.fromMillis(t, { zone: cachedZone(zone) }).offset * MINUTE;
}

/** Rounds `t` to the minute grid in `zone` (for day steps: to local midnight). */
export function snapToGrid(
  t: number,
  step: SnapStep,
  zone: string,
  mode: 'round' | 'floor' | 'ceil' = 'round',
): number {
  const size = stepMs(step);
  const offset = offsetMs(t, zone);
  const local = (t + offset) / size;
  const snapped =
    (mode === 'round' ? Math.round(local) : mode === 'floor' ? Math.floor(local) : Math.ceil(local)) * size;
  return snapped - offset;
}

/** `t` moved by `n` steps (day steps by calendar days in `zone`). */
export function addSteps(t: number, step: SnapStep, zone: string, n: number): number {
  if (n === 0) return t;
  if (step.unit === 'minute') return t + n * stepMs(step);
  return DateTime.fromMillis(t, { zone: cachedZone(zone) })
    .plus({ days: n * step.amount })
    .toMillis();
}

function shift(t: number, step: SnapStep, zone: string, deltaMs: number): number {
  return step.unit === 'minute'
    ? snapToGrid(t + deltaMs, step, zone)
    : addSteps(t, step, zone, Math.round(deltaMs / stepMs(step)));
}

function minDuration(origin: GanttTimeRange, step: SnapStep): number {
  const duration = origin.finish - origin.start;
  return duration > 0 ? Math.min(duration, stepMs(step)) : 0;
}

/** Keeps a resized interval at least one step (or its original length, if shorter) long. */
function clamp(kind: GanttDragKind, range: GanttTimeRange, origin: GanttTimeRange, step: SnapStep): GanttTimeRange {
  const min = minDuration(origin, step);
  if (kind === 'resize-start' && range.finish - range.start < min)
    return { start: range.finish - min, finish: range.finish };
  if (kind === 'resize-end' && range.finish - range.start < min)
    return { start: range.start, finish: range.start + min };
  return range;
}

/** The snapped interval after dragging `origin` by `deltaMs` (pointer distance × ms per px). */
export function applyDrag(
  kind: GanttDragKind,
  origin: GanttTimeRange,
  deltaMs: number,
  step: SnapStep,
  zone: string,
): GanttTimeRange {
  if (kind === 'move') {
    const start = shift(origin.start, step, zone, deltaMs);
    const finish =
      step.unit === 'minute' ? start + (origin.finish - origin.start) : shift(origin.finish, step, zone, deltaMs);
    return { start, finish };
  }
  const range =
    kind === 'resize-start'
      ? { start: shift(origin.start, step, zone, deltaMs), finish: origin.finish }
      : { start: origin.start, finish: shift(origin.finish, step, zone, deltaMs) };
  return clamp(kind, range, origin, step);
}

/** Next grid point strictly after (`dir = 1`) or before (`dir = -1`) `t`. */
export function nextGridPoint(t: number, step: SnapStep, zone: string, dir: -1 | 1): number {
  if (step.unit === 'day') return addSteps(t, step, zone, dir);
  const grid = snapToGrid(t, step, zone, dir > 0 ? 'floor' : 'ceil');
  return grid + dir * stepMs(step);
}

/** One keyboard step (Alt+Arrow / Shift+Alt+Arrow) applied to `origin`. */
export function applyNudge(
  kind: GanttDragKind,
  origin: GanttTimeRange,
  dir: -1 | 1,
  step: SnapStep,
  zone: string,
): GanttTimeRange {
  if (kind === 'move') {
    const start = nextGridPoint(origin.start, step, zone, dir);
    const finish =
      step.unit === 'minute' ? start + (origin.finish - origin.start) : addSteps(origin.finish, step, zone, dir);
    return { start, finish };
  }
  const range =
    kind === 'resize-start'
      ? { start: nextGridPoint(origin.start, step, zone, dir), finish: origin.finish }
      : { start: origin.start, finish: nextGridPoint(origin.finish, step, zone, dir) };
  return clamp(kind, range, origin, step);
}
