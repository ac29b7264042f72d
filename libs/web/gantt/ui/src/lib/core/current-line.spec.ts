import { plainBar } from '../../testing/plain-bar';
import type { GanttGroup } from '../gantt.types';
import { BarIndex } from './bar-index';
import { firstLineNotOver } from './current-line';
import { buildRowLayout } from './row-layout';

const bar = plainBar;

describe('firstLineNotOver', () => {
  const groups: GanttGroup[] = [
    { id: 'power', label: '电力', rows: [{ id: 'a', label: 'a' }, { id: 'b', label: 'b' }] },
    { id: 'water', label: '给水', rows: [{ id: 'c', label: 'c' }, { id: 'd', label: 'd' }] },
  ];
  const bars = new BarIndex([bar('a', 0, 10), bar('b', 10, 20), bar('c', 5, 30), bar('d', 40, 50)]);

  it('is the first task line in the order shown whose bar finishes after the time', () => {
    const layout = buildRowLayout(groups, new Set());
    // Lines: 0 power, 1 a, 2 b, 3 water, 4 c, 5 d.
    expect(firstLineNotOver(layout, bars, 0)).toBe(1);
    expect(firstLineNotOver(layout, bars, 10)).toBe(2);
    expect(firstLineNotOver(layout, bars, 20)).toBe(4);
    expect(firstLineNotOver(layout, bars, 30)).toBe(5);
  });

  it('skips collapsed groups and is undefined when everything is over', () => {
    const layout = buildRowLayout(groups, new Set(['power']));
    // Lines: 0 power (collapsed), 1 water, 2 c, 3 d.
    expect(firstLineNotOver(layout, bars, 0)).toBe(2);
    expect(firstLineNotOver(layout, bars, 50)).toBeUndefined();
  });
});
