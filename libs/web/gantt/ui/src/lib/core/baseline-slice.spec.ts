import type { GanttBaselineBar } from '../gantt.types';
import { BaselineIndex, visibleBaselines } from './baseline-slice';
import { RenderWindow } from './render-window';
import { buildRowLayout } from './row-layout';
import { TimeScale } from './time-scale';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 10, 0);
const ROWS = 1000;
// Task i's row is r<i>; its baseline ran an hour earlier than its bar (bar i starts at T0 + i h).
const baselines: GanttBaselineBar[] = Array.from({ length: ROWS }, (_, i) => ({
  id: `t${i}`,
  start: T0 + (i - 1) * HOUR,
  finish: T0 + (i + 1) * HOUR,
  label: '+1',
  late: true,
}));
const layout = buildRowLayout(
  [{ id: 'g', label: 'G', rows: Array.from({ length: ROWS }, (_, i) => ({ id: `r${i}`, label: `任务${i}` })) }],
  new Set(),
);
const scale = new TimeScale(T0 - 10 * HOUR, T0 + (ROWS + 10) * HOUR, HOUR / 60);
const rowOf = (id: string) => (id === 'gone' ? undefined : `r${id.slice(1)}`);

describe('baseline bars in the render window', () => {
  const index = new BaselineIndex([...baselines, { id: 'gone', start: T0, finish: T0 + HOUR }], rowOf);
  // Lines 101..120 hold tasks t100..t119 (line 0 is the group header).
  const window: RenderWindow = { firstLine: 101, lastLine: 120, x0: 6600, x1: 7200 };

  it('draws only those of the window lines that meet its time span, as bars are drawn', () => {
    const views = visibleBaselines(index, layout, scale, window, 32);
    // Baseline i spans x 60(i+9)..60(i+11): t100..t111 start by x = 7200.
    expect(views.map((v) => v.id)).toEqual(Array.from({ length: 12 }, (_, k) => `t${100 + k}`));
    expect(views.length).toBeLessThan(20);
  });

  it('sits in the gap below the bar of its row, thin, with its slip', () => {
    const [first] = visibleBaselines(index, layout, scale, window, 32);
    // The bar of line 101 spans y 101·32 + 6 … + 26; the baseline starts just below it.
    expect(first).toMatchObject({ left: 6540, width: 120, top: 101 * 32 + 27, height: 4, label: '+1', late: true });
  });

  it('leaves out baselines of tasks that have no bar, and draws nothing without baselines', () => {
    expect(index.size).toBe(ROWS);
    expect(visibleBaselines(new BaselineIndex([], rowOf), layout, scale, window, 32)).toEqual([]);
  });
});
