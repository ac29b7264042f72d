import { GANTT_LABELS_ZH_CN } from '../gantt-labels';
import { plainBar } from '../../testing/plain-bar';
import type { GanttGroup } from '../gantt.types';
import { BarIndex } from './bar-index';
import { groupBands, GroupWork, pinnedGroup } from './chrome-views';
import { buildRowLayout } from './row-layout';
import { TimeScale } from './time-scale';

describe('pinnedGroup', () => {
  const groups: GanttGroup[] = [
    { id: 'power', label: '电力', color: '#f08c00', rows: [{ id: 'a', label: 'a' }, { id: 'b', label: 'b' }] },
    { id: 'water', label: '给水', rows: [{ id: 'c', label: 'c' }] },
  ];
  const layout = buildRowLayout(groups, new Set());
  // Lines: 0 power, 1 a, 2 b, 3 water, 4 c.
  const at = (topLine: number) => pinnedGroup(layout, topLine, GANTT_LABELS_ZH_CN);

  it('is the header of the group whose row is the top line', () => {
    expect(at(1)).toMatchObject({ kind: 'group', groupId: 'power', label: '电力', color: '#f08c00', count: '2项' });
    expect(at(2)).toMatchObject({ groupId: 'power', toggleLabel: '收起电力' });
    expect(at(4)).toMatchObject({ groupId: 'water', count: '1项' });
  });

  it('is null while a group header is the top line, or past the last line', () => {
    expect(at(0)).toBeNull();
    expect(at(3)).toBeNull();
    expect(at(5)).toBeNull();
  });
});

describe('group work rolled up', () => {
  const bar = plainBar;
  const row = (id: string) => ({ id, label: id });
  const groups: GanttGroup[] = [
    { id: 'power', label: '电力', color: '#f08c00', rows: ['a', 'b', 'd', 'd2'].map(row) },
    { id: 'water', label: '给水', rows: [row('c')] },
    { id: 'empty', label: '空', rows: [] },
  ];
  // a and b overlap, d touches b's finish, then a gap before d2; c on its own.
  const work = new GroupWork(
    new BarIndex([bar('a', 100, 300), bar('b', 250, 500), bar('d', 500, 600), bar('d2', 1500, 1700), bar('c', 400, 400)]),
  );

  it('merges the bars of a group where they overlap or touch, in time order', () => {
    expect(work.of(groups[0])).toEqual([
      { start: 100, finish: 600 },
      { start: 1500, finish: 1700 },
    ]);
    expect(work.of(groups[1])).toEqual([{ start: 400, finish: 400 }]);
    expect(work.of(groups[2])).toEqual([]);
  });

  it('draws the spans within the window on the group lines, at least 2 px wide', () => {
    const layout = buildRowLayout(groups, new Set(['water']));
    // Lines: 0 power, 1 a, 2 b, 3 d, 4 d2, 5 water (folded), 6 empty. 10 ms a pixel; the window ends at 1,000 ms.
    const scale = new TimeScale(0, 2000, 10);
    const bands = groupBands(layout, { firstLine: 0, lastLine: 6, x0: 0, x1: 100 }, 32, work, scale);
    expect(bands).toEqual([
      { key: 'power', top: 0, color: '#f08c00', work: [{ x: 10, width: 50 }] },
      { key: 'water', top: 160, color: null, work: [{ x: 40, width: 2 }] },
      { key: 'empty', top: 192, color: null, work: [] },
    ]);
    // A window further right finds the later span only.
    const right = groupBands(layout, { firstLine: 0, lastLine: 0, x0: 120, x1: 200 }, 32, work, scale);
    expect(right[0].work).toEqual([{ x: 150, width: 20 }]);
  });
});
