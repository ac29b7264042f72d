import { buildRowLayout, collapsedGroups } from './row-layout';

const groups = [
  {
    id: 'power',
    label: '电力',
    rows: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
  },
  { id: 'telecom', label: '通信', collapsed: true, rows: [{ id: 'c', label: 'C' }] },
  { id: 'water', label: '水', rows: [{ id: 'd', label: 'D' }] },
];

describe('row layout', () => {
  it('flattens groups into header and task lines', () => {
    const layout = buildRowLayout(groups, new Set());
    expect(layout.lines.map((l) => (l.kind === 'group' ? `[${l.group.id}]` : l.row.id))).toEqual([
      '[power]',
      'a',
      'b',
      '[telecom]',
      'c',
      '[water]',
      'd',
    ]);
    expect(layout.lineOfRow.get('d')).toBe(6);
  });

  it('leaves out the rows of collapsed groups but keeps their header', () => {
    const layout = buildRowLayout(groups, new Set(['power']));
    expect(layout.lines.map((l) => (l.kind === 'group' ? `[${l.group.id}]` : l.row.id))).toEqual([
      '[power]',
      '[telecom]',
      'c',
      '[water]',
      'd',
    ]);
    expect(layout.lineOfRow.has('a')).toBe(false);
    expect(layout.lines[0]).toMatchObject({ kind: 'group', collapsed: true });
  });

  it('takes initial collapsed flags and keeps user state across new inputs', () => {
    const initial = collapsedGroups(groups);
    expect([...initial]).toEqual(['telecom']);
    const userState = new Set(['power']);
    const next = collapsedGroups([...groups, { id: 'gas', label: '燃气', collapsed: true, rows: [] }], {
      groups,
      collapsed: userState,
    });
    expect([...next].sort()).toEqual(['gas', 'power']);
  });
});
