import { GANTT_LABELS_ZH_CN } from '../gantt-labels';
import type { GanttGroup } from '../gantt.types';
import { pinnedGroup } from './chrome-views';
import { buildRowLayout } from './row-layout';

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
