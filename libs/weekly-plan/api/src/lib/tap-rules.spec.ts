import { TaskStatus } from '@worksite/shared-domain';
import { taskChangeOf } from './tap-rules';

describe('taskChangeOf', () => {
  const planned = { status: TaskStatus.Planned, progress: 0 };

  it('starts, reports progress and finishes', () => {
    expect(taskChangeOf({ kind: 'started' }, planned)).toEqual({ status: TaskStatus.InProgress });
    expect(taskChangeOf({ kind: 'progress', progress: 40 }, planned)).toEqual({
      status: TaskStatus.InProgress,
      progress: 40,
    });
    expect(taskChangeOf({ kind: 'progress', progress: 60 }, { status: TaskStatus.InProgress, progress: 40 })).toEqual({
      progress: 60,
    });
    expect(taskChangeOf({ kind: 'done' }, { status: TaskStatus.InProgress, progress: 60 })).toEqual({
      status: TaskStatus.Done,
      progress: 100,
    });
  });

  it('changes nothing on the task for not done, nor for a late tap on a done task', () => {
    expect(taskChangeOf({ kind: 'not_done' }, planned)).toEqual({});
    const done = { status: TaskStatus.Done, progress: 100 };
    expect(taskChangeOf({ kind: 'started' }, done)).toEqual({});
    expect(taskChangeOf({ kind: 'progress', progress: 30 }, done)).toEqual({});
    expect(taskChangeOf({ kind: 'done' }, done)).toEqual({});
  });
});
