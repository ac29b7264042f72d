import type { GanttBar, GanttLink, GanttShading, GanttTimeRange } from '../gantt.types';
import type { BarIndex } from './bar-index';
import type { IntervalIndex } from './interval-index';
import { BarBox, linkPoints, pointsHitRect, pointsToPath } from './link-geometry';
import type { LinkIndex } from './link-index';
import type { RenderWindow } from './render-window';
import type { RowLayout } from './row-layout';
import type { TimeScale } from './time-scale';
import type { BarView, GhostView, LinkView, ShadeView } from './view-models';

/** Everything needed to turn the indexes into the views of one render window. */
export interface SliceContext {
  readonly layout: RowLayout;
  readonly bars: BarIndex;
  readonly scale: TimeScale;
  readonly window: RenderWindow;
  readonly rowHeight: number;
  /** Display positions that differ from the bars' own (preview and drag). */
  readonly overrides: ReadonlyMap<string, GanttTimeRange>;
  /** Builds one bar view (classes, aria label) at a display position. */
  readonly view: (bar: GanttBar, range: GanttTimeRange, line: number, moved: boolean) => BarView;
}

/** Milestone diamonds and the minimum bar width reach this far past their time. */
const EDGE_PX = 12;
export const MIN_BAR_WIDTH = 2;

/** Bar box (x extent and vertical centre) of a display range on a line. */
export function barBox(scale: TimeScale, range: GanttTimeRange, line: number, rowHeight: number): BarBox {
  const x0 = scale.x(range.start);
  const y = line * rowHeight + rowHeight / 2;
  if (range.finish <= range.start) {
    // Half the diagonal of the milestone square: arrows touch the diamond's tips.
    const half = Math.round(rowHeight * 0.5) * 0.71;
    return { x0: x0 - half, x1: x0 + half, y };
  }
  return { x0, x1: Math.max(scale.x(range.finish), x0 + MIN_BAR_WIDTH), y };
}

function timeWindow(ctx: SliceContext): GanttTimeRange {
  const margin = EDGE_PX * ctx.scale.msPerPx;
  return { start: ctx.scale.time(ctx.window.x0) - margin, finish: ctx.scale.time(ctx.window.x1) + margin };
}

function intersects(range: GanttTimeRange, window: GanttTimeRange): boolean {
  return range.finish >= window.start && range.start <= window.finish;
}

/**
 * Bars and ghosts to render: bars of the window's task lines that intersect its time span,
 * found by per-row binary search; overridden (previewed/dragged) bars are placed at their
 * display position and leave a ghost at the original one.
 */
export function visibleBars(ctx: SliceContext): { bars: BarView[]; ghosts: GhostView[] } {
  const { layout, window, overrides } = ctx;
  const span = timeWindow(ctx);
  const bars: BarView[] = [];
  const ghosts: GhostView[] = [];
  const found: GanttBar[] = [];
  for (let line = window.firstLine; line <= window.lastLine; line++) {
    const entry = layout.lines[line];
    if (entry?.kind !== 'task') continue;
    found.length = 0;
    for (const bar of ctx.bars.inRow(entry.row.id, span.start, span.finish, found)) {
      if (!overrides.has(bar.id)) bars.push(ctx.view(bar, bar, line, false));
    }
  }
  for (const [id, range] of overrides) {
    const bar = ctx.bars.byId.get(id);
    const line = bar && layout.lineOfRow.get(bar.rowId);
    if (!bar || line === undefined || line < window.firstLine || line > window.lastLine) continue;
    if (intersects(range, span)) bars.push(ctx.view(bar, range, line, true));
    if (intersects(bar, span)) ghosts.push(ghostView(ctx, bar, line));
  }
  return { bars, ghosts };
}

function ghostView(ctx: SliceContext, bar: GanttBar, line: number): GhostView {
  const rect = barRect(ctx.scale, bar, line, ctx.rowHeight);
  return { id: bar.id, ...rect, milestone: bar.finish <= bar.start };
}

/** Vertical gap between a bar and its row's edges. */
export function barInset(rowHeight: number): number {
  return Math.round(rowHeight * 0.18);
}

/** Element rectangle of a bar (milestones: a square around their time, drawn as a diamond). */
export function barRect(
  scale: TimeScale,
  range: GanttTimeRange,
  line: number,
  rowHeight: number,
): { left: number; top: number; width: number; height: number } {
  if (range.finish <= range.start) {
    const size = Math.round(rowHeight * 0.5);
    return {
      left: scale.x(range.start) - size / 2,
      top: line * rowHeight + (rowHeight - size) / 2,
      width: size,
      height: size,
    };
  }
  const box = barBox(scale, range, line, rowHeight);
  const inset = barInset(rowHeight);
  return { left: box.x0, top: line * rowHeight + inset, width: box.x1 - box.x0, height: rowHeight - 2 * inset };
}

/** The rendered arrow's key (`data-link`): predecessor>successor:type. */
export function linkKey(link: GanttLink): string {
  return `${link.predecessorId}>${link.successorId}:${link.type}`;
}

/** Arrows of links crossing the window's lines whose horizontal extent meets its pixels. */
export function visibleLinks(ctx: SliceContext, links: LinkIndex, showCritical: boolean): LinkView[] {
  const { window, scale, layout, overrides } = ctx;
  const out: LinkView[] = [];
  const boxOf = (id: string): BarBox | null => {
    const bar = ctx.bars.byId.get(id);
    const line = bar && layout.lineOfRow.get(bar.rowId);
    if (!bar || line === undefined) return null;
    return barBox(scale, overrides.get(id) ?? bar, line, ctx.rowHeight);
  };
  const y0 = window.firstLine * ctx.rowHeight;
  const y1 = (window.lastLine + 1) * ctx.rowHeight;
  for (const link of links.query(window.firstLine, window.lastLine)) {
    const pred = boxOf(link.predecessorId);
    const succ = boxOf(link.successorId);
    if (!pred || !succ) continue;
    const points = linkPoints(link.type, pred, succ, ctx.rowHeight);
    if (!pointsHitRect(points, window.x0, y0, window.x1, y1)) continue;
    out.push({
      key: linkKey(link),
      d: pointsToPath(points),
      critical: showCritical && !!link.critical,
      points,
      link,
    });
  }
  return out;
}

/** Non-working intervals thinner than this are not drawn (nights at month zoom). */
const MIN_NON_WORKING_PX = 4;

/** Shading rectangles in the window, clipped to it. */
export function visibleShading(
  index: IntervalIndex<GanttShading>,
  scale: TimeScale,
  window: RenderWindow,
  title: (s: GanttShading) => string,
): ShadeView[] {
  const out: ShadeView[] = [];
  for (const s of index.query(scale.time(window.x0), scale.time(window.x1))) {
    const x0 = scale.x(s.start);
    const x1 = scale.x(s.finish);
    if (s.kind === 'non-working' && x1 - x0 < MIN_NON_WORKING_PX) continue;
    const left = Math.max(x0, window.x0);
    const right = Math.min(Math.max(x1, x0 + 2), window.x1);
    if (right <= left) continue;
    out.push({ key: `${s.kind}:${s.start}:${s.finish}`, kind: s.kind, x: left, width: right - left, title: title(s) });
  }
  return out;
}
