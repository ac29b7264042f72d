/** How far (px) from an arrow a click still picks it. */
export const LINK_HIT_TOLERANCE = 5;

/** Distance from a point to an axis-aligned (or any) polyline given as [x0, y0, x1, y1, …]. */
export function distanceToPolyline(points: readonly number[], x: number, y: number): number {
  let best = Infinity;
  for (let i = 2; i < points.length; i += 2) {
    const ax = points[i - 2];
    const ay = points[i - 1];
    const dx = points[i] - ax;
    const dy = points[i + 1] - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    best = Math.min(best, Math.hypot(px, py));
  }
  return best;
}

/**
 * The arrow nearest to a point in chart pixels, if one lies within `tolerance`; on a tie (two
 * arrows sharing a run) the one drawn last, which is on top.
 */
export function hitLink<T extends { readonly points: readonly number[] }>(
  links: readonly T[],
  x: number,
  y: number,
  tolerance = LINK_HIT_TOLERANCE,
): T | null {
  let best: T | null = null;
  let bestDistance = tolerance;
  for (const link of links) {
    const d = distanceToPolyline(link.points, x, y);
    if (d <= bestDistance) {
      best = link;
      bestDistance = d;
    }
  }
  return best;
}
