import { IncidentDepartmentStatus, IncidentEventKind } from '@worksite/shared-domain';
import { at, cableFire } from '../../testing/incident-fixture';
import { departmentCards, rushTasks, timelineDays } from './board-view';

describe('board view', () => {
  it('gives each department its steps with the time since the report, and only forward moves', () => {
    const [power, mobile] = departmentCards(cableFire());
    expect(power.steps.map((s) => s.sinceReport)).toEqual([60_000, 360_000, null, null]);
    expect(power.next).toEqual([IncidentDepartmentStatus.OnSite, IncidentDepartmentStatus.Done]);
    expect(power.waiting).toBe(false);
    expect(mobile.next).toEqual([
      IncidentDepartmentStatus.Acknowledged,
      IncidentDepartmentStatus.OnSite,
      IncidentDepartmentStatus.Done,
    ]);
    expect(mobile.waiting).toBe(true);
  });

  it('marks the steps that happened on another local day than the report (their date is shown)', () => {
    const incident = cableFire();
    const [power] = incident.departments;
    // 06:00Z is 14:00 in Shenyang: on site 9 h later is 23:00 the same day, done 10 h later the next day.
    const [card] = departmentCards({
      ...incident,
      departments: [{ ...power, onSiteAt: at(9 * 60), doneAt: at(10 * 60), escalatedAt: at(10 * 60 + 5) }],
    });
    expect(card.escalatedOtherDay).toBe(true);
    expect(departmentCards(incident)[0].escalatedOtherDay).toBe(false);
    expect(card.steps.map((s) => [s.step, s.otherDay])).toEqual([
      ['notified', false],
      ['acknowledged', false],
      ['on_site', false],
      ['done', true],
    ]);
  });

  it('orders the rush tasks by start, names what each waits for and keeps the paperwork apart', () => {
    const { tasks, paperwork } = rushTasks(cableFire());
    expect(tasks.map((t) => [t.task.code, t.after])).toEqual([
      [1, []],
      [2, [1]],
    ]);
    expect(paperwork?.title).toBe('事故资料');
  });

  it('groups the timeline by local day and says when it spans days', () => {
    const event = (id: string, minutes: number) => ({
      ...cableFire().events[0],
      id,
      kind: IncidentEventKind.Notified,
      at: at(minutes),
    });
    // 06:00Z is 14:00 in Shenyang: ten hours later is the next local day.
    const one = timelineDays([event('b', 5), event('a', 0)], 'Asia/Shanghai');
    expect(one.spansDays).toBe(false);
    expect(one.days[0].events.map((e) => e.id)).toEqual(['a', 'b']);
    const two = timelineDays([event('a', 0), event('c', 600)], 'Asia/Shanghai');
    expect(two.days.map((d) => d.date)).toEqual(['2026-12-04', '2026-12-05']);
    expect(two.spansDays).toBe(true);
  });
});
