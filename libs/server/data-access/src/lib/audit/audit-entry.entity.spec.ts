import { moveChanges } from './audit-entry.entity';

describe("a pushed task's audit entry as its readers see it", () => {
  it('names each moved field with its value before and after, instants as ISO texts', () => {
    expect(
      moveChanges({
        moveStartBefore: new Date('2026-11-02T06:00:00Z'),
        moveStartAfter: new Date('2026-11-03T06:00:00Z'),
        moveFinishBefore: new Date('2026-11-02T10:00:00Z'),
        moveFinishAfter: new Date('2026-11-03T10:30:00Z'),
        moveStartDateBefore: '2026-11-02',
        moveStartDateAfter: '2026-11-03',
        moveFinishDateBefore: '2026-11-02',
        moveFinishDateAfter: '2026-11-03',
      }),
    ).toEqual({
      plannedStart: { before: '2026-11-02T06:00:00.000Z', after: '2026-11-03T06:00:00.000Z' },
      plannedFinish: { before: '2026-11-02T10:00:00.000Z', after: '2026-11-03T10:30:00.000Z' },
      startDate: { before: '2026-11-02', after: '2026-11-03' },
      finishDate: { before: '2026-11-02', after: '2026-11-03' },
    });
  });

  it('leaves out what kept its value: a move within the day keeps its dates', () => {
    const changes = moveChanges({
      moveStartBefore: new Date('2026-11-02T00:00:00Z'),
      moveStartAfter: new Date('2026-11-02T01:00:00Z'),
      moveFinishBefore: new Date('2026-11-02T04:00:00Z'),
      moveFinishAfter: new Date('2026-11-02T04:00:00Z'),
      moveStartDateBefore: '2026-11-02',
      moveStartDateAfter: '2026-11-02',
      moveFinishDateBefore: '2026-11-02',
      moveFinishDateAfter: '2026-11-02',
    });
    expect(changes).toEqual({
      plannedStart: { before: '2026-11-02T00:00:00.000Z', after: '2026-11-02T01:00:00.000Z' },
    });
  });

  it('is empty for an entry that is not a move', () => {
    expect(moveChanges({})).toEqual({});
    expect(moveChanges({ moveStartAfter: null, moveStartDateAfter: null })).toEqual({});
  });
});
