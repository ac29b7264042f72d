import { CrewDaySnapshot, keptBlockers } from './crew-day-cache';
import { openConstraintOf } from './crew-page.testing';

describe('the day kept on the phone', () => {
  const day = (extra: Partial<CrewDaySnapshot>): CrewDaySnapshot => ({
    savedAt: 0,
    crewId: 'crew-power',
    date: '2026-03-02',
    projects: [],
    crews: [],
    locations: [],
    tasks: [],
    reports: [],
    notices: [],
    ...extra,
  });

  it('gives the open constraints of its tasks that are not ready', () => {
    const open = openConstraintOf('A');
    expect([...keptBlockers(day({ blockers: [['A', [open]]] }))]).toEqual([['A', [open]]]);
  });

  it('reads a day kept before the constraints were: its tasks not ready, without them', () => {
    expect([...keptBlockers(day({ notReadyIds: ['A', 'B'] }))]).toEqual([
      ['A', []],
      ['B', []],
    ]);
    expect(keptBlockers(day({})).size).toBe(0);
  });
});
