import { ConflictDto } from '@worksite/shared-domain';
import { openConflicts, settledConflictTasks } from './conflict-marks';

const clash = (key: string, taskIds: string[], state?: ConflictDto['state']): ConflictDto => ({
  key,
  kind: 'location-clash',
  taskIds,
  taskTitles: taskIds,
  start: '2026-03-02T00:00:00Z',
  finish: '2026-03-02T02:00:00Z',
  ...(state ? { state } : {}),
});

describe('conflict marks on the bars', () => {
  const conflicts = [
    clash('1', ['a', 'b'], 'accepted'),
    clash('2', ['b', 'c'], 'escalated'),
    clash('3', ['d'], 'resolved'),
    clash('4', ['e']),
  ];

  it('greys only tasks whose clashes are all accepted or resolved', () => {
    expect([...settledConflictTasks(conflicts)].sort()).toEqual(['a', 'd']);
  });

  it('marks in red the clashes that still count: open (also without a state) and escalated', () => {
    expect(openConflicts(conflicts).map((c) => c.key)).toEqual(['2', '4']);
  });
});
