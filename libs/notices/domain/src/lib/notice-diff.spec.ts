import { dayInput, dayTask } from '../testing/fixtures';
import { composeNoticeContent } from './compose-content';
import { diffNotices } from './notice-diff';

describe('diffNotices', () => {
  const before = composeNoticeContent(dayInput());

  it('finds nothing when only other crews or predecessors changed', () => {
    const after = composeNoticeContent(
      dayInput({
        tasks: dayInput().tasks.map((task) => ({
          ...task,
          neighbours: [],
          predecessors: task.predecessors.map((p) => ({ ...p, status: 'done' })),
        })),
      }),
    );
    expect(diffNotices(before, after)).toEqual([]);
  });

  it('names added, cancelled, reassigned and moved tasks', () => {
    const [c, a] = dayInput().tasks.filter((t) => t.id !== 'task-b');
    const after = composeNoticeContent(
      dayInput({ tasks: [dayTask({ id: 'task-d', title: '新增接地' }), a, c].filter((t) => t.id !== 'task-c') }),
    );
    expect(diffNotices(before, after, { 'task-b': 'cancelled', 'task-c': 'reassigned' })).toEqual([
      { kind: 'reassigned', taskId: 'task-c', title: '巡视开挖沟槽', before: '08:00–18:00' },
      { kind: 'cancelled', taskId: 'task-b', title: '电缆终端头制作', before: '14:00–18:00' },
      { kind: 'added', taskId: 'task-d', title: '新增接地', after: '08:00–12:00 八经小区 32号楼 1单元' },
    ]);
    expect(diffNotices(before, composeNoticeContent(dayInput({ tasks: [] })))[0].kind).toBe('removed');
  });

  it('names a new time, a new place and new details', () => {
    const after = composeNoticeContent(
      dayInput({
        tasks: [
          dayTask({
            plannedStart: '2026-11-30T06:00:00.000Z',
            plannedFinish: '2026-11-30T08:00:00.000Z',
            location: { compound: '八经小区', building: '33号楼', unit: null, street: null, address: '八经街33号' },
            tools: ['电缆盘支架'],
          }),
          ...dayInput().tasks.slice(1),
        ],
      }),
    );
    expect(diffNotices(before, after)).toEqual([
      { kind: 'time', taskId: 'task-a', title: '敷设低压电缆', before: '08:00–12:00', after: '14:00–16:00' },
      {
        kind: 'location',
        taskId: 'task-a',
        title: '敷设低压电缆',
        before: '八经小区 32号楼 1单元',
        after: '八经小区 33号楼',
      },
      { kind: 'details', taskId: 'task-a', title: '敷设低压电缆' },
    ]);
  });
});
