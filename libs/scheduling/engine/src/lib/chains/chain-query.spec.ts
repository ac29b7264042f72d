import { DependencyType } from '@worksite/shared-domain';
import { ALWAYS_UTC, DAY_MINUTES } from '../../testing/calendars';
import { WorkingCalendar } from '../calendar/working-calendar';
import { ScheduleResult } from '../model/schedule-result';
import { scheduleProject } from '../schedule-project';
import { ChainIndex, downstreamChain, upstreamChain } from './chain-query';

// The A..H network of critical-path.spec.ts: B → E has one day of slack, everything else drives.
const durations: Record<string, number> = { A: 4, B: 6, C: 3, D: 5, E: 4, F: 2, G: 6, H: 3 };
const pairs = ['AC', 'AD', 'BE', 'CE', 'DF', 'EG', 'FG', 'DH'];

function schedule(): ScheduleResult {
  const outcome = scheduleProject(
    {
      start: Date.UTC(2026, 0, 5),
      tasks: Object.entries(durations).map(([id, d]) => ({ id, duration: d * DAY_MINUTES })),
      links: pairs.map((p) => ({ id: p, predecessorId: p[0], successorId: p[1], type: DependencyType.FS })),
    },
    WorkingCalendar.compile(ALWAYS_UTC),
  );
  if (!outcome.ok) throw new Error('unexpected');
  return outcome.result;
}

describe('dependency chains', () => {
  const result = schedule();
  const index = new ChainIndex(result);

  it('lists what a task waits for, nearest first, with depth and link', () => {
    const up = index.upstream('G');
    expect(up.map((i) => [i.taskId, i.depth, i.via.linkId, i.via.driving])).toEqual([
      ['E', 1, 'EG', true],
      ['F', 1, 'FG', true],
      ['B', 2, 'BE', false],
      ['C', 2, 'CE', true],
      ['D', 2, 'DF', true],
      ['A', 3, 'AC', true],
    ]);
    const b = up.find((i) => i.taskId === 'B');
    expect(b?.via).toEqual({
      linkId: 'BE',
      predecessorId: 'B',
      successorId: 'E',
      type: DependencyType.FS,
      lag: 0,
      slack: DAY_MINUTES,
      driving: false,
    });
    expect(b?.task.totalFloat).toBe(DAY_MINUTES);
  });

  it('follows only the driving links when asked ("who are we really waiting for")', () => {
    expect(index.upstream('G', { drivingOnly: true }).map((i) => i.taskId)).toEqual(['E', 'F', 'C', 'D', 'A']);
  });

  it('lists what a task holds up, with a depth limit and caller metadata passed through', () => {
    const departments: Record<string, string> = {
      C: 'telecom',
      D: 'power',
      E: 'water',
      F: 'gas',
      H: 'police',
      G: 'city',
    };
    expect(downstreamChain(result, 'A').map((i) => [i.taskId, i.depth])).toEqual([
      ['C', 1],
      ['D', 1],
      ['E', 2],
      ['F', 2],
      ['H', 2],
      ['G', 3],
    ]);
    const near = index.downstream<{ department: string }>('A', {
      maxDepth: 1,
      payload: (id) => ({ department: departments[id] }),
    });
    expect(near.map((i) => [i.taskId, i.payload?.department, i.task.start])).toEqual([
      ['C', 'telecom', result.tasks[2].start],
      ['D', 'power', result.tasks[3].start],
    ]);
  });

  it('returns nothing for unknown tasks and for tasks without links that way', () => {
    expect(upstreamChain(result, 'nope')).toEqual([]);
    expect(index.upstream('A')).toEqual([]);
    expect(index.downstream('G')).toEqual([]);
  });
});
