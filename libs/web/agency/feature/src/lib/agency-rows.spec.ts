import { refsFixture, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { agencyRows } from './agency-rows';

describe('agencyRows', () => {
  it("lists the department's tasks with whom they wait for and who waits for them", () => {
    const power = agencyRows(scheduleFixture(), refsFixture(), 'power', { openOnly: true });
    expect(power.map((r) => r.task.id)).toEqual(['A']);
    expect(power[0].location).toBe('八经小区 › 32号楼');
    expect(power[0].waitsFor).toEqual([]);
    expect(power[0].waitedBy).toEqual([
      expect.objectContaining({ taskId: 'B', title: '移动迁改', who: '中国移动 · 移动一班', type: 'FS' }),
    ]);

    const mobile = agencyRows(scheduleFixture(), refsFixture(), 'mobile', { openOnly: true });
    expect(mobile[0].waitsFor).toEqual([
      expect.objectContaining({
        taskId: 'A',
        who: '电力公司 · 电力一班',
        expectedFinish: scheduleFixture().tasks[0].earlyFinish,
      }),
    ]);
  });

  it('hides finished work unless asked', () => {
    const schedule = scheduleFixture();
    schedule.tasks[0] = { ...schedule.tasks[0], status: 'done' };
    expect(agencyRows(schedule, refsFixture(), 'power', { openOnly: true })).toEqual([]);
    expect(agencyRows(schedule, refsFixture(), 'power', { openOnly: false })).toHaveLength(1);
  });
});
