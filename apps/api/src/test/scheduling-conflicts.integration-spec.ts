import { Role } from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld, utc } from './scheduling-world';

type Json = Record<string, unknown>;

/**
 * Monday 2026-11-16 at 和平新村 (compound ⊃ 1号楼 ⊃ 1单元) and 八经小区:
 *   K1 电缆一班 at 1号楼, manual 08–12, cuts power of 1号楼 08–12
 *   K2 光缆一班 at 1单元, 10–12, needs power          → location clash and utility cut with K1
 *   K3 电缆一班 at 八经小区, 09–11                     → the cable crew booked twice (with K1)
 *   K5 沟槽一班 at 和平新村, manual 09–10, FS after K1 → dependency violation; at the compound it does not clash with K1 in a building
 * and Thursday 2026-11-05: K4 沟槽一班 at 八经小区, manual 13:00–18:00, through the exam blackout.
 */
describe('scheduling over HTTP: conflicts', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let k: Record<'K1' | 'K2' | 'K3' | 'K4' | 'K5', string>;

  const conflicts = async (query: string, agent = t.http) =>
    (await agent.get(`/api/projects/${project}/conflicts?${query}`).expect(200)).body.items as Json[];
  const ofKind = (items: Json[], kind: string) => items.filter((item) => item['kind'] === kind);

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-SCHED-CONFLICTS');
    const { crews, locations } = world;
    const manual = { schedulingMode: 'manual' };
    k = {
      K1: await world.task(project, 'K1 1号楼电力停电切改', {
        ...manual,
        crewId: crews.cable,
        locationId: locations.building,
        plannedStart: local('2026-11-16T08:00'),
        plannedFinish: local('2026-11-16T12:00'),
        interruptionKind: 'power',
        interruptionStartsAt: local('2026-11-16T08:00'),
        interruptionEndsAt: local('2026-11-16T12:00'),
        interruptionLocationIds: [locations.building],
      }),
      K2: await world.task(project, 'K2 1单元光缆熔接', {
        crewId: crews.fibre,
        locationId: locations.unit,
        needsUtilities: ['power'],
        plannedStart: local('2026-11-16T10:00'),
        durationMinutes: 120,
      }),
      K3: await world.task(project, 'K3 八经小区电缆巡检', {
        crewId: crews.cable,
        locationId: locations.otherCompound,
        plannedStart: local('2026-11-16T09:00'),
        durationMinutes: 120,
      }),
      K4: await world.task(project, 'K4 八经小区沟槽围挡', {
        ...manual,
        crewId: crews.civil,
        locationId: locations.otherCompound,
        plannedStart: local('2026-11-05T13:00'),
        plannedFinish: local('2026-11-05T18:00'),
      }),
      K5: await world.task(project, 'K5 和平新村恢复送电检查', {
        ...manual,
        crewId: crews.civil,
        locationId: locations.compound,
        plannedStart: local('2026-11-16T09:00'),
        plannedFinish: local('2026-11-16T10:00'),
      }),
    };
    await world.link(k.K1, k.K5);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('finds each kind of clash in a range of local days, with task titles, crew and location names', async () => {
    const items = await conflicts('from=2026-11-05&to=2026-11-16');

    // Symmetric kinds list their two tasks by id; the place is the deeper of the two locations.
    const clashes = ofKind(items, 'location-clash');
    const clash = (other: string) => clashes.find((c) => (c['taskIds'] as string[]).includes(other)) as Json;
    expect(clashes).toHaveLength(1);
    expect(clash(k.K2)).toMatchObject({
      taskIds: [k.K1, k.K2].sort(),
      locationName: '1单元',
      start: utc('2026-11-16T10:00'),
      finish: utc('2026-11-16T12:00'),
    });
    expect([...(clash(k.K2)['taskTitles'] as string[])].sort()).toEqual(['K1 1号楼电力停电切改', 'K2 1单元光缆熔接']);
    // A compound holds several crews side by side: compound-wide work does not clash with a building's.
    expect(clash(k.K5)).toBeUndefined();

    expect(ofKind(items, 'crew-double-booking')).toEqual([
      expect.objectContaining({
        taskIds: [k.K1, k.K3].sort(),
        crewId: world.crews.cable,
        crewName: '电缆一班',
        start: utc('2026-11-16T09:00'),
        finish: utc('2026-11-16T11:00'),
      }),
    ]);

    expect(ofKind(items, 'utility-interruption')).toEqual([
      expect.objectContaining({
        taskIds: [k.K1, k.K2],
        taskTitles: ['K1 1号楼电力停电切改', 'K2 1单元光缆熔接'],
        utility: 'power',
        locationName: '1单元',
        start: utc('2026-11-16T10:00'),
        finish: utc('2026-11-16T12:00'),
        detail: '"K1 1号楼电力停电切改" cuts power while "K2 1单元光缆熔接" needs it.',
      }),
    ]);
    // Nobody told K1's residents of its power cut, and its 7 days ran out long ago.
    expect(ofKind(items, 'announcement-late')).toEqual([
      expect.objectContaining({ taskIds: [k.K1], utility: 'power', announcementTiming: 'missing' }),
    ]);

    expect(ofKind(items, 'dependency-violation')).toEqual([
      expect.objectContaining({
        taskIds: [k.K1, k.K5],
        taskTitles: ['K1 1号楼电力停电切改', 'K5 和平新村恢复送电检查'],
        locationName: '和平新村',
        crewName: '沟槽一班',
      }),
    ]);

    expect(ofKind(items, 'blackout')).toEqual([
      expect.objectContaining({
        taskIds: [k.K4],
        taskTitles: ['K4 八经小区沟槽围挡'],
        blackoutLabels: ['区统考(126中学考点)'],
        locationName: '八经小区',
        crewName: '沟槽一班',
        start: utc('2026-11-05T14:00'),
        finish: utc('2026-11-05T18:00'),
      }),
    ]);
    // K4 also starts in the noon break.
    expect(ofKind(items, 'outside-working-time').map((c) => [c['taskIds'], c['start']])).toEqual([
      [[k.K4], utc('2026-11-05T13:00')],
    ]);
    // Sorted by window.
    const starts = items.map((c) => c['start'] as string);
    expect(starts).toEqual([...starts].sort());
  });

  it('keeps to the range asked for', async () => {
    const monday = await conflicts('from=2026-11-16&to=2026-11-16');
    expect(ofKind(monday, 'blackout')).toEqual([]);
    expect(ofKind(monday, 'crew-double-booking')).toHaveLength(1);
    expect(await conflicts('from=2026-11-06&to=2026-11-13')).toEqual([]);
  });

  it('shows a crew the clashes involving its own tasks only', async () => {
    const fibre = await t.as({ role: Role.Contractor, crewIds: [world.crews.fibre] });
    const items = await conflicts('from=2026-11-05&to=2026-11-16', fibre);
    expect(items.map((c) => c['kind']).sort()).toEqual(['location-clash', 'utility-interruption']);
    for (const item of items) expect(item['taskIds']).toContain(k.K2);
  });

  it('answers 400 for a bad or too long range and for a malformed id', async () => {
    const tooLong = await t.http.get(`/api/projects/${project}/conflicts?from=2026-11-01&to=2027-02-01`).expect(400);
    expect(tooLong.body).toMatchObject({ code: 'validation_failed', problems: [{ field: 'to' }] });
    await t.http.get(`/api/projects/${project}/conflicts?from=2026-11-01&to=2027-01-31`).expect(200);
    await t.http.get(`/api/projects/${project}/conflicts?from=2026-11-10&to=2026-11-09`).expect(400);
    const badDate = await t.http.get(`/api/projects/${project}/conflicts?from=2026-02-30`).expect(400);
    expect(badDate.body.problems[0].field).toBe('from');
    await t.http.get(`/api/projects/${project}/conflicts?from=yesterday`).expect(400);
    await t.http.get(`/api/projects/${project}/conflicts?until=2026-11-16`).expect(400);
    await t.http.get('/api/projects/42/conflicts').expect(400);
    await t.http.get('/api/projects/6f1c1c3e-4c51-4b1e-9d7e-000000000000/conflicts').expect(404);
  });

  it('covers today and the next 14 days of the project zone by default', async () => {
    const tomorrow = localDateOf(Date.now() + 86_400_000, 'Asia/Shanghai');
    const manual = { schedulingMode: 'manual', crewId: world.crews.fibre };
    const first = await world.task(project, '明日光缆接续甲', {
      ...manual,
      plannedStart: local(`${tomorrow}T09:00`),
      plannedFinish: local(`${tomorrow}T11:00`),
    });
    await world.task(project, '明日光缆接续乙', {
      ...manual,
      plannedStart: local(`${tomorrow}T10:00`),
      plannedFinish: local(`${tomorrow}T12:00`),
    });
    const items = (await t.http.get(`/api/projects/${project}/conflicts`).expect(200)).body.items as Json[];
    const booked = ofKind(items, 'crew-double-booking');
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({
      crewName: '光缆一班',
      start: utc(`${tomorrow}T10:00`),
      finish: utc(`${tomorrow}T11:00`),
    });
    expect(booked[0]['taskIds']).toContain(first);
    // The November clashes are outside the default range.
    expect(items.some((c) => (c['taskIds'] as string[]).includes(k.K1))).toBe(false);
  });
});
