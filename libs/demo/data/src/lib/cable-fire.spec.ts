import { WorkingCalendar } from '@worksite/scheduling-engine';
import { SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { instantOf } from '@worksite/shared-util-time';
import { cableFirePlan, fireDateBefore } from './cable-fire';
import { demoCalendarSpec } from './demo-calendar';
import { PlanTask } from './plan-types';

describe('fireDateBefore', () => {
  it('is the last 10月27日 strictly before today', () => {
    expect(fireDateBefore('2026-11-28')).toBe('2026-10-27');
    expect(fireDateBefore('2026-10-27')).toBe('2025-10-27');
    expect(fireDateBefore('2027-03-01')).toBe('2026-10-27');
  });
});

describe('cableFirePlan', () => {
  const zone = 'Asia/Shanghai';
  const calendar = WorkingCalendar.compile(demoCalendarSpec(zone));
  const { tasks, links } = cableFirePlan('2026-10-27', zone, calendar, Date.parse('2026-11-28T00:00:00Z'));
  const step = (name: string) => tasks.find((t) => t.key === `HPXC-QX1027/${name}`) as PlanTask;

  it('works on 八经街32号楼1单元 from 14:00, pinned, all done a month later', () => {
    expect(tasks.every((t) => t.location === '八经小区/32号楼/1单元')).toBe(true);
    expect(tasks.every((t) => t.mode === SchedulingMode.Manual && t.status === TaskStatus.Done)).toBe(true);
    expect(Math.min(...tasks.map((t) => t.start))).toBeGreaterThanOrEqual(
      instantOf('2026-10-27', '14:00', zone).getTime(),
    );
  });

  it('repairs power first, cutting the building, then the three operators', () => {
    const power = step('电力抢修');
    expect(power.interruption).toMatchObject({ kind: 'power', locations: ['八经小区/32号楼'] });
    for (const operator of ['中国移动', '中国电信', '中国联通']) {
      expect(step(operator).start).toBeGreaterThanOrEqual(power.finish);
      expect(links).toContainEqual(expect.objectContaining({ predecessor: power.key, successor: step(operator).key }));
    }
  });

  it('has the police on site, the residents’ group told, and the paperwork within 24 hours', () => {
    expect(step('派出所').department).toBe('police');
    expect(step('居民群').text.title).toContain('紧急抢修');
    expect(step('居民群').start).toBeLessThan(step('电力抢修').finish);
    const paperwork = step('资料');
    const deadline = instantOf('2026-10-28', '14:00', zone).getTime();
    expect(paperwork.finish).toBeLessThanOrEqual(deadline);
    expect(paperwork.constraint).toEqual({ type: 'finish_no_later_than', at: deadline });
  });

  it('satisfies its own links', () => {
    const byKey = new Map(tasks.map((t) => [t.key, t]));
    for (const l of links) {
      const p = byKey.get(l.predecessor) as PlanTask;
      const s = byKey.get(l.successor) as PlanTask;
      const from = l.type === 'SS' ? p.start : p.finish;
      expect(s.start).toBeGreaterThanOrEqual(calendar.addWorkingMinutes(from, l.lag));
    }
  });
});
