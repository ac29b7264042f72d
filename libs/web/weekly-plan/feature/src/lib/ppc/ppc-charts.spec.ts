import { cumulativeShares, paretoOption, trendOption } from './ppc-charts';

const labels = {
  ppc: 'PPC',
  ppcSoFar: 'PPC（本周至今）',
  tmr: 'TMR',
  count: '次数',
  cumulative: '累计占比',
  reason: (code: string) => `«${code}»`,
};

const report = {
  from: '2026-11-23',
  to: '2026-11-30',
  weeks: [
    { weekStart: '2026-11-23', committed: 4, done: 3, ppc: 75, tmr: 100 },
    { weekStart: '2026-11-30', committed: 0, done: 0, ppc: null, tmr: null },
  ],
  groupWeeks: { from: '2026-11-23', to: '2026-11-23' },
  byDepartment: [],
  byCrew: [],
  pareto: [
    { reason: 'materials_missing' as const, count: 3 },
    { reason: 'weather' as const, count: 1 },
  ],
};

describe('PPC charts', () => {
  it('accumulates the Pareto shares up to 100 %', () => {
    expect(cumulativeShares([3, 1])).toEqual([75, 100]);
    expect(cumulativeShares([1, 1, 1])).toEqual([33.3, 66.7, 100]);
    expect(cumulativeShares([])).toEqual([]);
  });

  it('draws the Pareto bars with their labels and the cumulative line on the percent axis', () => {
    const option = paretoOption(report, labels);
    expect(option.xAxis).toMatchObject({ data: ['«materials_missing»', '«weather»'] });
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'bar', data: [3, 1] }),
      expect.objectContaining({ type: 'line', yAxisIndex: 1, data: [75, 100] }),
    ]);
  });

  it('draws the week under way apart: its figure so far dotted from the week before, not on the PPC line', () => {
    const running = {
      ...report,
      weeks: [
        { weekStart: '2026-11-23', committed: 4, done: 4, ppc: 100, tmr: 100 },
        { weekStart: '2026-11-30', committed: 13, done: 4, ppc: 30.8, tmr: 100 },
      ],
    };
    const option = trendOption(running, labels, '2026-11-30');
    const series = option.series as { name: string; data: unknown[]; lineStyle?: { type: string } }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['PPC', [100, null]],
      ['TMR', [100, 100]],
      ['PPC（本周至今）', [100, 30.8]],
    ]);
    expect(series[2].lineStyle?.type).toBe('dotted');
    expect(option.legend).toMatchObject({ data: ['PPC', 'TMR', 'PPC（本周至今）'] });
    // Without a week under way in the window, the lines are as before.
    expect((trendOption(running, labels).series as unknown[]).length).toBe(2);
  });

  it('leaves a gap for a week without commitments rather than drawing 0 %', () => {
    const option = trendOption(report, labels);
    expect(option.xAxis).toMatchObject({ data: ['11-23', '11-30'] });
    expect((option.series as { data: unknown[] }[])[0].data).toEqual([75, null]);
  });
});
