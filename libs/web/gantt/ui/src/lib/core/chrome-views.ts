import { formatLabel, GanttLabels } from '../gantt-labels';
import type { RenderWindow } from './render-window';
import type { GanttGroup, GanttTimeRange } from '../gantt.types';
import type { BarIndex } from './bar-index';
import type { RowLayout } from './row-layout';
import type { TimeScale } from './time-scale';
import { TimeTick, timeTicks } from './time-ticks';
import type { BandView, FrameView, PaneLineView } from './view-models';
import type { ZoomSpec } from './zoom-levels';

/** Left-pane lines of the render window. */
export function paneLines(
  layout: RowLayout,
  window: RenderWindow,
  labels: GanttLabels,
  selectedLine: number | null,
  rowHeight: number,
): PaneLineView[] {
  const out: PaneLineView[] = [];
  for (let i = window.firstLine; i <= window.lastLine && i < layout.lines.length; i++) {
    const line = layout.lines[i];
    if (line.kind === 'group') {
      out.push(groupLineView(line.group, line.collapsed, i * rowHeight, labels));
    } else {
      out.push({
        kind: 'task',
        key: `r:${line.row.id}`,
        top: i * rowHeight,
        rowId: line.row.id,
        label: line.row.label,
        detail: line.row.detail ?? null,
        selected: i === selectedLine,
      });
    }
  }
  return out;
}

/** A group header line of the left pane at `top`. */
function groupLineView(group: GanttGroup, collapsed: boolean, top: number, labels: GanttLabels): PaneLineView {
  return {
    kind: 'group',
    key: `g:${group.id}`,
    top,
    groupId: group.id,
    label: group.label,
    color: group.color ?? null,
    collapsed,
    count: formatLabel(labels.groupCount, { count: group.rows.length }),
    toggleLabel: formatLabel(collapsed ? labels.expandGroup : labels.collapseGroup, { label: group.label }),
  };
}

/**
 * The header of the group whose rows fill the top of the chart once its own header has scrolled
 * away (pinned under the chart's header, so a row far down a group still says whose it is); null
 * while a group header is the top line.
 */
export function pinnedGroup(layout: RowLayout, topLine: number, labels: GanttLabels): PaneLineView | null {
  const line = layout.lines[topLine];
  return line?.kind === 'task' ? groupLineView(line.group, false, 0, labels) : null;
}

/**
 * When each group works: the bars of its rows merged where they overlap or touch, in time order.
 * Drawn rolled up on the group's header line, so a folded group still shows its days. Worked out
 * for a group when its header line is first drawn (a chart opens with one or two in view).
 */
export class GroupWork {
  private readonly spans = new Map<string, readonly GanttTimeRange[]>();

  constructor(private readonly bars: BarIndex) {}

  of(group: GanttGroup): readonly GanttTimeRange[] {
    let merged = this.spans.get(group.id);
    if (!merged) {
      merged = mergedSpans(group, this.bars);
      this.spans.set(group.id, merged);
    }
    return merged;
  }
}

function mergedSpans(group: GanttGroup, bars: BarIndex): GanttTimeRange[] {
  const spans: GanttTimeRange[] = [];
  for (const row of group.rows) for (const bar of bars.rowBars(row.id)) spans.push(bar);
  spans.sort((a, b) => a.start - b.start);
  const merged: { start: number; finish: number }[] = [];
  for (const { start, finish } of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last.finish) last.finish = Math.max(last.finish, finish);
    else merged.push({ start, finish });
  }
  return merged;
}

/** Group header bands of the render window, with each group's work rolled up (see groupWork) within it. */
export function groupBands(
  layout: RowLayout,
  window: RenderWindow,
  rowHeight: number,
  work: GroupWork,
  scale: TimeScale,
): BandView[] {
  const out: BandView[] = [];
  const t0 = scale.time(window.x0);
  const t1 = scale.time(window.x1);
  for (let i = window.firstLine; i <= window.lastLine; i++) {
    const line = layout.lines[i];
    if (line?.kind !== 'group') continue;
    const spans = work.of(line.group);
    const segments: { x: number; width: number }[] = [];
    for (let k = firstEndingAfter(spans, t0); k < spans.length && spans[k].start <= t1; k++) {
      const x = scale.x(spans[k].start);
      segments.push({ x, width: Math.max(2, scale.x(spans[k].finish) - x) });
    }
    out.push({ key: line.group.id, top: i * rowHeight, color: line.group.color ?? null, work: segments });
  }
  return out;
}

/** Index of the first of `spans` (disjoint, in time order) that finishes at or after `time`. */
function firstEndingAfter(spans: readonly GanttTimeRange[], time: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].finish < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The render window in chart pixels. */
export function windowFrame(window: RenderWindow, rowHeight: number): FrameView {
  return {
    x: window.x0,
    y: window.firstLine * rowHeight,
    width: Math.max(0, window.x1 - window.x0),
    height: Math.max(0, (window.lastLine - window.firstLine + 1) * rowHeight),
  };
}

/** Both header tiers for the render window. */
export function headerTicks(
  scale: TimeScale,
  window: RenderWindow,
  spec: ZoomSpec,
  zone: string,
  labels: GanttLabels,
): { top: TimeTick[]; bottom: TimeTick[] } {
  const [topUnit, bottomUnit] = spec.tiers;
  const common = { zone, locale: labels.locale, weekLabel: labels.week };
  const t0 = scale.time(window.x0);
  const t1 = scale.time(window.x1);
  return {
    top: timeTicks(scale, t0, t1, { ...common, unit: topUnit, tier: 'top' }),
    bottom: timeTicks(scale, t0, t1, { ...common, unit: bottomUnit, tier: 'bottom' }),
  };
}
