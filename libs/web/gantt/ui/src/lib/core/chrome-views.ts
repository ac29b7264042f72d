import { formatLabel, GanttLabels } from '../gantt-labels';
import type { RenderWindow } from './render-window';
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
      const { group } = line;
      out.push({
        kind: 'group',
        key: `g:${group.id}`,
        top: i * rowHeight,
        groupId: group.id,
        label: group.label,
        color: group.color ?? null,
        collapsed: line.collapsed,
        count: formatLabel(labels.groupCount, { count: group.rows.length }),
        toggleLabel: formatLabel(line.collapsed ? labels.expandGroup : labels.collapseGroup, { label: group.label }),
      });
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

/** Group header bands of the render window. */
export function groupBands(layout: RowLayout, window: RenderWindow, rowHeight: number): BandView[] {
  const out: BandView[] = [];
  for (let i = window.firstLine; i <= window.lastLine; i++) {
    const line = layout.lines[i];
    if (line?.kind === 'group') out.push({ key: line.group.id, top: i * rowHeight, color: line.group.color ?? null });
  }
  return out;
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
