import { percentPlanComplete } from './ppc';
import { lastWeeks, paretoOrder, ppcOf, tasksMadeReady, weekStartsBetween } from './ppc-figures';

describe('PPC figures from counts', () => {
  it('agrees with percentPlanComplete over the same commitments', () => {
    const facts = [
      { outcome: 'done' as const, reason: null },
      { outcome: 'done' as const, reason: null },
      { outcome: 'not_done' as const, reason: 'weather' as const },
    ];
    expect(ppcOf(3, 2)).toBe(percentPlanComplete(facts));
    expect(ppcOf(3, 2)).toBe(66.7);
    expect(ppcOf(0, 0)).toBeNull();
  });

  it('TMR is the share of commitments made ready', () => {
    expect(tasksMadeReady(8, 6)).toBe(75);
    expect(tasksMadeReady(0, 0)).toBeNull();
  });

  it('orders the Pareto by count, ties in the list order of the phone, and drops zeros', () => {
    expect(
      paretoOrder([
        { reason: 'other', count: 2 },
        { reason: 'weather', count: 2 },
        { reason: 'materials_missing', count: 5 },
        { reason: 'short_staffed', count: 0 },
      ]),
    ).toEqual([
      { reason: 'materials_missing', count: 5 },
      { reason: 'weather', count: 2 },
      { reason: 'other', count: 2 },
    ]);
  });

  it('lists Mondays of a range and the default last weeks', () => {
    expect(weekStartsBetween('2026-11-25', '2026-12-07')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(lastWeeks('2026-12-04', 3)).toEqual({ from: '2026-11-16', to: '2026-11-30' });
  });
});
