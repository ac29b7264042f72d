import { ConflictDto, NoticeDto } from '@worksite/shared-domain';
import { refsFixture, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { crewGroups, dayTasks, locationGroups } from './day-plan-groups';

describe('day plan groups', () => {
  const tasks = scheduleFixture().tasks;
  const refs = refsFixture();
  const clash = { key: 'k', kind: 'location-clash', taskIds: ['A', 'B'] } as ConflictDto;

  it('marks each task with the kinds of clash it is in and names where and who', () => {
    const items = dayTasks(tasks, refs, [clash]);
    expect(items.map((i) => i.task.id)).toEqual(['A', 'B', 'C']);
    expect(items[0]).toMatchObject({ location: '八经小区 › 32号楼', crewName: '电力一班', department: '电力公司' });
    expect(items[0].conflicts).toEqual(['location-clash']);
    expect(items[2].conflicts).toEqual([]);
  });

  it("groups by crew with each crew's latest notice; tasks without a crew come last", () => {
    const notices = [
      {
        id: 'n1',
        crewId: 'crew-power',
        revision: 1,
        reason: 'initial',
        deliveries: [{ status: 'sent', purpose: 'notice' }],
      },
      {
        id: 'n2',
        crewId: 'crew-power',
        revision: 2,
        reason: 'amendment',
        acknowledgedAt: null,
        deliveries: [{ status: 'failed', purpose: 'notice' }],
      },
    ] as unknown as NoticeDto[];
    const groups = crewGroups(dayTasks(tasks, refs, []), refs, notices);
    expect(groups.map((g) => g.crewId)).toEqual(['crew-power', 'crew-mobile', null]);
    expect(groups[0].notice).toMatchObject({ state: 'failed', amended: true, revision: 2 });
    expect(groups[1].notice.state).toBe('not-sent');
  });

  it('groups by compound, tasks without a location last', () => {
    const groups = locationGroups(dayTasks(tasks, refs, []), refs, '无地点');
    expect(groups.map((g) => [g.name, g.tasks.length])).toEqual([
      ['八经小区', 2],
      ['无地点', 1],
    ]);
  });
});
