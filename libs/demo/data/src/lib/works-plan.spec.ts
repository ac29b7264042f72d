import { scheduleProject, WorkingCalendar } from '@worksite/scheduling-engine';
import { SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { addDays, dayRange, localDateOf } from '@worksite/shared-util-time';
import { DEPARTMENTS } from './data/organisations.data';
import { demoCalendarSpec } from './demo-calendar';
import { crewKey, PlanLink, PlanTask } from './plan-types';
import { isAcyclic } from '../testing/acyclic';
import { buildWorksPlan } from './works-plan';

const ZONE = 'Asia/Shanghai';
const crews = Object.fromEntries(
  DEPARTMENTS.map((d) => [
    d.key,
    d.contractors.flatMap((c) =>
      c.crews.filter((crew) => crew.role !== 'standby').map((crew) => crewKey(c.name, crew.name)),
    ),
  ]),
);

function plan(now: string, zone = ZONE) {
  const calendar = WorkingCalendar.compile(demoCalendarSpec(zone));
  const today = localDateOf(new Date(now), zone);
  return {
    calendar,
    today,
    now: new Date(now).getTime(),
    ...buildWorksPlan({
      code: 'HPXC-FXRD',
      startDate: addDays(today, -7),
      zone,
      calendar,
      crews,
      now: new Date(now).getTime(),
    }),
  };
}

const activeOn = (tasks: PlanTask[], date: string, zone = ZONE) =>
  tasks.filter((t) => localDateOf(t.start, zone) <= date && localDateOf(t.finish, zone) >= date);
const startingOn = (tasks: PlanTask[], date: string, zone = ZONE) =>
  tasks.filter((t) => localDateOf(t.start, zone) === date);

describe('buildWorksPlan', () => {
  // A Saturday morning in Shenyang: today has working time, tomorrow (Sunday) has none.
  const saturday = plan('2026-11-27T23:00:00Z');

  it('has about a month of tasks with unique keys and an acyclic mix of link types', () => {
    const { tasks, links } = saturday;
    expect(tasks.length).toBeGreaterThanOrEqual(150);
    expect(tasks.length).toBeLessThanOrEqual(300);
    expect(new Set(tasks.map((t) => t.key)).size).toBe(tasks.length);
    expect(
      isAcyclic(
        tasks.map((t) => t.key),
        links,
      ),
    ).toBe(true);
    expect(new Set(links.map((l) => l.type))).toEqual(new Set(['FS', 'SS', 'FF']));
    expect(links.some((l) => l.lag < 0) && links.some((l) => l.lag > 0)).toBe(true);
    expect(saturday.finishDate > addDays(saturday.today, 14)).toBe(true);
  });

  it('places automatic tasks in working time, as the engine would', () => {
    const { tasks, links, calendar } = saturday;
    const automatic = tasks.filter((t) => t.mode === SchedulingMode.Automatic);
    expect(automatic.length).toBeGreaterThan(tasks.length * 0.9);
    for (const t of automatic) {
      expect(calendar.isWorking(t.start)).toBe(true);
      expect(calendar.addWorkingMinutes(t.start, t.duration)).toBe(t.finish);
    }
    const outcome = scheduleProject(
      {
        start: dayRange(addDays(saturday.today, -7), ZONE).start.getTime(),
        tasks: tasks.map((t) => ({
          id: t.key,
          duration: t.duration,
          mode: t.mode,
          constraint: t.constraint,
          start: t.start,
          finish: t.finish,
        })),
        links: links.map((l: PlanLink, k) => ({
          id: String(k),
          predecessorId: l.predecessor,
          successorId: l.successor,
          type: l.type,
          lag: l.lag,
        })),
      },
      calendar,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    expect(outcome.moved).toEqual([]);
    expect(outcome.result.violations).toEqual([]);
  });

  it('has work today and, on a Sunday, a safety watch tomorrow', () => {
    expect(startingOn(saturday.tasks, saturday.today).length).toBeGreaterThan(3);
    const tomorrow = startingOn(saturday.tasks, addDays(saturday.today, 1));
    expect(tomorrow.map((t) => t.mode)).toEqual([SchedulingMode.Manual]);
    expect(tomorrow[0].text.title).toContain('值守');
  });

  it('has several crews on one compound on the same day', () => {
    const today = activeOn(saturday.tasks, saturday.today);
    const crewsPerCompound = new Map<string, Set<string>>();
    for (const t of today) {
      const compound = t.location.split('/')[0];
      crewsPerCompound.set(compound, (crewsPerCompound.get(compound) ?? new Set()).add(t.crew as string));
    }
    expect(Math.max(...[...crewsPerCompound.values()].map((s) => s.size))).toBeGreaterThanOrEqual(3);
  });

  it('sets statuses consistent with the dates', () => {
    const { tasks, now } = saturday;
    for (const t of tasks) {
      if (t.status === TaskStatus.Done) expect(t.finish).toBeLessThanOrEqual(now);
      if (t.start > now) expect([TaskStatus.Planned, TaskStatus.Ready, TaskStatus.Blocked]).toContain(t.status);
      if (t.start <= now && t.finish > now) expect(t.status).toBe(TaskStatus.InProgress);
      if (t.status === TaskStatus.InProgress) expect(t.progress).toBeGreaterThan(0);
    }
    expect(tasks.filter((t) => t.status === TaskStatus.Blocked)).toHaveLength(1);
  });

  it('cuts power on the building worked on and the network before cut-over', () => {
    const power = saturday.tasks.find((t) => t.key === 'HPXC-FXRD/八经小区/电力/32号楼') as PlanTask;
    expect(power.interruption).toMatchObject({
      kind: 'power',
      start: power.start,
      end: power.finish,
      locations: ['八经小区/32号楼'],
    });
    const fibre = saturday.tasks.find((t) => t.key === 'HPXC-FXRD/八经小区/中国联通') as PlanTask;
    expect(fibre.needsUtilities).toEqual(['power']);
    expect(fibre.interruption?.kind).toBe('network');
    expect(saturday.calendar.workingMinutesBetween(fibre.interruption?.start as number, fibre.finish)).toBe(120);
  });

  it('gives the same keys, times and crews for the same start date, whenever it runs', () => {
    const later = buildWorksPlan({
      code: 'HPXC-FXRD',
      startDate: addDays(saturday.today, -7),
      zone: ZONE,
      calendar: saturday.calendar,
      crews,
      now: saturday.now + 5 * 86_400_000,
    });
    const shape = (tasks: PlanTask[]) => tasks.map((t) => [t.key, t.start, t.finish, t.crew]);
    expect(shape(later.tasks)).toEqual(shape(saturday.tasks));
  });

  it('keeps tasks in working time in another zone and over a holiday', () => {
    const berlin = plan('2026-09-30T12:00:00Z', 'Europe/Berlin');
    for (const t of berlin.tasks.filter((x) => x.mode === SchedulingMode.Automatic))
      expect(berlin.calendar.isWorking(t.start)).toBe(true);
    const holiday = startingOn(berlin.tasks, '2026-10-01', 'Europe/Berlin');
    expect(holiday.map((t) => t.text.title)).toEqual([expect.stringContaining('值守')]);
  });
});
