import { DependencyType } from '@worksite/shared-domain';

/** A bar's horizontal extent and vertical centre in chart pixels. */
export interface BarBox {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

/** Where an arrow leaves its predecessor and enters its successor. */
export interface LinkAnchors {
  readonly sx: number;
  readonly sy: number;
  /** +1: leaves to the right (from a finish), -1: to the left (from a start). */
  readonly sOut: 1 | -1;
  readonly tx: number;
  readonly ty: number;
  /** Direction of the arrowhead: +1 points right (into a start), -1 points left (into a finish). */
  readonly tIn: 1 | -1;
}

/** Does the link attach to the predecessor's finish / the successor's start? */
export function linkEnds(type: DependencyType): { fromFinish: boolean; toStart: boolean } {
  return {
    fromFinish: type === DependencyType.FS || type === DependencyType.FF,
    toStart: type === DependencyType.FS || type === DependencyType.SS,
  };
}

/** The dependency type drawn from the given side of the predecessor onto the given side of the successor. */
export function linkTypeFor(fromFinish: boolean, toStart: boolean): DependencyType {
  if (fromFinish) return toStart ? DependencyType.FS : DependencyType.FF;
  return toStart ? DependencyType.SS : DependencyType.SF;
}

/** FS: predecessor's finish → successor's start; SS: start → start; FF: finish → finish; SF: start → finish. */
export function linkAnchors(type: DependencyType, pred: BarBox, succ: BarBox): LinkAnchors {
  const { fromFinish, toStart } = linkEnds(type);
  return {
    sx: fromFinish ? pred.x1 : pred.x0,
    sy: pred.y,
    sOut: fromFinish ? 1 : -1,
    tx: toStart ? succ.x0 : succ.x1,
    ty: succ.y,
    tIn: toStart ? 1 : -1,
  };
}

const r = (v: number) => Math.round(v * 2) / 2;

/**
 * Corner points of an orthogonal arrow: a short stub out of the source side, one vertical
 * run, into the target side. When the target lies behind the source it detours along the
 * row boundary below (or above) the source row.
 */
export function linkPoints(type: DependencyType, pred: BarBox, succ: BarBox, rowHeight: number, stub = 8): number[] {
  const { sx, sy, sOut, tx, ty, tIn } = linkAnchors(type, pred, succ);
  const xs = sx + sOut * stub;
  const xt = tx - tIn * stub;
  let turn: number | null;
  if (sOut !== tIn) turn = sOut > 0 ? Math.max(xs, xt) : Math.min(xs, xt);
  else turn = (xt - xs) * sOut >= 0 ? xs : null;
  if (turn !== null) return [sx, sy, turn, sy, turn, ty, tx, ty];
  const midY = sy + ((ty >= sy ? 1 : -1) * rowHeight) / 2;
  return [sx, sy, xs, sy, xs, midY, xt, midY, xt, ty, tx, ty];
}

/** SVG path data for `linkPoints` (alternating H and V segments). */
export function pointsToPath(points: readonly number[]): string {
  let d = `M${r(points[0])},${r(points[1])}`;
  for (let i = 2; i < points.length; i += 2) {
    d += i % 4 === 2 ? `H${r(points[i])}` : `V${r(points[i + 1])}`;
  }
  return d;
}

/** Does any segment of the polyline touch the rectangle? */
export function pointsHitRect(points: readonly number[], x0: number, y0: number, x1: number, y1: number): boolean {
  for (let i = 2; i < points.length; i += 2) {
    const ax = points[i - 2];
    const ay = points[i - 1];
    const bx = points[i];
    const by = points[i + 1];
    if (Math.max(ax, bx) >= x0 && Math.min(ax, bx) <= x1 && Math.max(ay, by) >= y0 && Math.min(ay, by) <= y1)
      return true;
  }
  return false;
}

/** The arrow path for a link between two bar boxes. */
export function linkPath(type: DependencyType, pred: BarBox, succ: BarBox, rowHeight: number, stub = 8): string {
  return pointsToPath(linkPoints(type, pred, succ, rowHeight, stub));
}
