import type { ZoomSpec } from './zoom-levels';

const DAY = 86_400_000;
/** Month zoom spreads the range over the width, no finer than the week level and no coarser than 1 px a day. */
const MONTH_FIT = { finest: DAY / 28, coarsest: DAY };

/**
 * The scale a zoom level draws at: month zoom fills the visible width with the whole range
 * (within MONTH_FIT, past which it scrolls), the other levels keep their fixed scale.
 */
export function fittedMsPerPx(spec: ZoomSpec, rangeMs: number, visibleWidth: number): number {
  if (spec.level !== 'month' || visibleWidth <= 0 || rangeMs <= 0) return spec.msPerPx;
  return Math.min(MONTH_FIT.coarsest, Math.max(MONTH_FIT.finest, rangeMs / visibleWidth));
}

/**
 * Where in the chart's visible width (px from its left edge) the zoom holds still: under the
 * pointer when there is one, else the centre.
 */
export function zoomAnchorOffset(visibleWidth: number, pointerX?: number): number {
  const visible = Math.max(0, visibleWidth);
  return pointerX === undefined ? visible / 2 : Math.min(visible, Math.max(0, pointerX));
}

/**
 * The scroll position after a zoom that keeps the anchored time at the same offset: the time's
 * new x minus the offset, clamped to what the content can scroll.
 */
export function anchoredScrollLeft(
  anchorX: number,
  offset: number,
  chartWidth: number,
  paneWidth: number,
  viewportWidth: number,
): number {
  return Math.max(0, Math.min(chartWidth + paneWidth - viewportWidth, anchorX - offset));
}
