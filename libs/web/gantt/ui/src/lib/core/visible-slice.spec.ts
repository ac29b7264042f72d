import { DependencyType, TaskStatus } from '@worksite/shared-domain';
import { GANTT_LABELS_ZH_CN } from '../gantt-labels';
import type { GanttBar, GanttTimeRange } from '../gantt.types';
import { BarIndex } from './bar-index';
import { BarAriaLabeler, barView } from './bar-view';
import { IntervalIndex } from './interval-index';
import { LinkIndex } from './link-index';
import { RenderWindow } from './render-window';
import { buildRowLayout } from './row-layout';
import { TimeScale } from './time-scale';
import { SliceContext, visibleBars, visibleLinks, visibleShading } from './visible-slice';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 10, 0);
const ROWS = 1000;

function bar(i: number, start: number, finish: number, extra: Partial<GanttBar> = {}): GanttBar {
  return { id: `t${i}`, rowId: `r${i}`, start, finish, label: `任务${i}`, status: TaskStatus.Planned, ...extra };
}

const bars = Array.from({ length: ROWS }, (_, i) => bar(i, T0 + i * HOUR, T0 + (i + 2) * HOUR));
const groups = [{ id: 'g', label: 'G', rows: bars.map((b) => ({ id: b.rowId, label: b.label })) }];
const scale = new TimeScale(T0, T0 + (ROWS + 10) * HOUR, HOUR / 60);

function context(window: RenderWindow, overrides: ReadonlyMap<string, GanttTimeRange> = new Map()): SliceContext {
  const options = {
    scale,
    rowHeight: 32,
    idPrefix: 'x',
    selectedId: 't100',
    draggingId: null,
    showCritical: true,
    aria: new BarAriaLabeler(GANTT_LABELS_ZH_CN, 'Asia/Shanghai'),
  };
  return {
    layout: buildRowLayout(groups, new Set()),
    bars: new BarIndex(bars),
    scale,
    window,
    rowHeight: 32,
    overrides,
    view: (b, range, line, moved) => barView(options, b, range, line, moved),
  };
}

describe('visible slice', () => {
  // Lines 101..120 hold bars t100..t119 (line 0 is the group header); t100 starts at x = 6000.
  const window: RenderWindow = { firstLine: 101, lastLine: 120, x0: 6000, x1: 7000 };

  it('returns only bars on the window lines that meet its time span', () => {
    const { bars: views, ghosts } = visibleBars(context(window));
    // Bar i spans x 60i..60i+120, so lines 101..117 (t100..t116) meet x <= 7000 (+ edge margin).
    expect(views.map((v) => v.id)).toEqual(Array.from({ length: 17 }, (_, k) => `t${100 + k}`));
    expect(ghosts).toEqual([]);
    expect(views[0]).toMatchObject({ left: 6000, width: 120, top: 101 * 32 + 6, selected: true });
    expect(views[0].ariaLabel).toContain('任务100');
    expect(views[0].ariaLabel).toContain('计划中');
  });

  it('draws overridden bars at their preview position and leaves a ghost', () => {
    const overrides = new Map([['t101', { start: T0 + 110 * HOUR, finish: T0 + 112 * HOUR }]]);
    const { bars: views, ghosts } = visibleBars(context(window, overrides));
    const moved = views.find((v) => v.id === 't101');
    expect(moved?.left).toBe(6600);
    expect(moved?.classes).toContain('is-moved');
    expect(ghosts).toEqual([expect.objectContaining({ id: 't101', left: 6060 })]);
    expect(views.filter((v) => v.id === 't101')).toHaveLength(1);
  });

  it('shows a bar moved into the window by a preview, even though its own position is outside', () => {
    const overrides = new Map([['t110', { start: T0 + 200 * HOUR, finish: T0 + 201 * HOUR }]]);
    const far: RenderWindow = { firstLine: 101, lastLine: 120, x0: 11_900, x1: 12_500 };
    const { bars: views, ghosts } = visibleBars(context(far, overrides));
    expect(views.map((v) => v.id)).toEqual(['t110']);
    expect(ghosts).toEqual([]);
  });

  it('draws milestones as squares centred on their time', () => {
    const ms = bar(5, T0 + 10 * HOUR, T0 + 10 * HOUR);
    const options = {
      scale,
      rowHeight: 32,
      idPrefix: 'x',
      selectedId: null,
      draggingId: null,
      showCritical: false,
      aria: new BarAriaLabeler(GANTT_LABELS_ZH_CN, 'Asia/Shanghai'),
    };
    const view = barView(options, ms, ms, 3, false);
    expect(view).toMatchObject({ milestone: true, width: 16, height: 16, left: 592, top: 104 });
    expect(view.classes).toContain('is-milestone');
    expect(view.ariaLabel).toContain('里程碑');
  });

  it('marks status, critical, conflict and manual flags', () => {
    const flagged = bar(1, T0, T0 + HOUR, {
      status: TaskStatus.Blocked,
      critical: true,
      hasConflict: true,
      manual: true,
      conflictNote: '同址冲突',
    });
    const options = {
      scale,
      rowHeight: 32,
      idPrefix: 'x',
      selectedId: null,
      draggingId: null,
      showCritical: true,
      aria: new BarAriaLabeler(GANTT_LABELS_ZH_CN, 'Asia/Shanghai'),
    };
    const view = barView(options, flagged, flagged, 1, false);
    expect(view.classes.split(' ')).toEqual(
      expect.arrayContaining(['is-blocked', 'is-critical', 'has-conflict', 'is-manual']),
    );
    expect(view.ariaLabel).toContain('冲突: 同址冲突');
    expect(barView({ ...options, showCritical: false }, flagged, flagged, 1, false).classes).not.toContain(
      'is-critical',
    );
  });

  it('returns links crossing the window lines, with critical highlight when on', () => {
    const layout = buildRowLayout(groups, new Set());
    const links = [
      { predecessorId: 't100', successorId: 't102', type: DependencyType.FS, critical: true },
      { predecessorId: 't500', successorId: 't501', type: DependencyType.FS },
      { predecessorId: 't10', successorId: 't990', type: DependencyType.SS },
    ];
    const index = new LinkIndex(links, (id) => layout.lineOfRow.get(`r${id.slice(1)}`));
    const views = visibleLinks(context(window), index, true);
    // The long SS link crosses the window lines but lies far left and right of its pixels.
    expect(views.map((v) => v.key)).toEqual(['t100>t102:FS']);
    expect(views[0].critical).toBe(true);
    expect(visibleLinks(context(window), index, false)[0].critical).toBe(false);
  });

  it('clips shading to the window and skips slivers of non-working time', () => {
    const index = new IntervalIndex([
      { start: T0 + 90 * HOUR, finish: T0 + 110 * HOUR, kind: 'holiday' as const, label: '清明节' },
      { start: T0 + 105 * HOUR, finish: T0 + 105 * HOUR + 60_000, kind: 'non-working' as const },
      { start: T0 + 300 * HOUR, finish: T0 + 301 * HOUR, kind: 'blackout' as const },
    ]);
    const views = visibleShading(index, scale, window, (s) => s.label ?? s.kind);
    expect(views).toEqual([{ key: expect.any(String), kind: 'holiday', x: 6000, width: 600, title: '清明节' }]);
  });
});
