import { defaultPrintRange, shownRows } from './gantt-print';

const ZONE = 'Asia/Shanghai';

describe('gantt printing', () => {
  it('prints the rows shown, group after group, in their order', () => {
    const groups = [
      {
        id: 'power',
        label: '电力',
        rows: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
      },
      { id: 'telecom', label: '移动', collapsed: true, rows: [{ id: 'c', label: 'C' }] },
    ];
    expect(shownRows(groups)).toEqual(['a', 'b', 'c']);
  });

  it('starts on the span of the bars, a finish at midnight ending the day before', () => {
    const bars = [
      { start: Date.parse('2026-11-02T00:00:00Z'), finish: Date.parse('2026-11-02T04:00:00Z') },
      { start: Date.parse('2026-11-03T06:00:00Z'), finish: Date.parse('2026-11-05T16:00:00Z') },
    ];
    expect(defaultPrintRange(bars, ZONE)).toEqual({ from: '2026-11-02', to: '2026-11-05' });
    expect(defaultPrintRange([], ZONE, Date.parse('2026-11-02T20:00:00Z'))).toEqual({
      from: '2026-11-03',
      to: '2026-11-03',
    });
  });
});
