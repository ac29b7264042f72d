import { Actor } from '@worksite/auth-access';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { ScheduleService, SharedScheduleBodies, warmSchedulePath } from '@worksite/scheduling-api';
import { REDIS } from '@worksite/server-queue';
import { Role } from '@worksite/shared-domain';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld, utc } from './scheduling-world';

/** An administrator, as the services take one. */
const ADMIN: Actor = {
  id: 'test',
  name: 'test',
  role: Role.Admin,
  sessionId: 'test',
  departmentId: null,
  crewIds: [],
  projectIds: [],
};

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await condition()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('timed out waiting for Redis');
}

/** The schedule is cached per project; every change it depends on must show at once. */
describe('project schedule cache', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let first: string;
  let second: string;

  const schedule = async () => (await t.http.get(`/api/projects/${project}/schedule`).expect(200)).body;
  const early = async (taskId: string) =>
    (await schedule()).tasks.find((task: { id: string }) => task.id === taskId).earlyStart as string;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('CACHE');
    first = await world.task(project, '电缆敷设', {
      crewId: world.crews.cable,
      plannedStart: local('2026-11-02T08:00'),
      durationMinutes: 240,
    });
    second = await world.task(project, '光缆割接', {
      crewId: world.crews.fibre,
      plannedStart: local('2026-11-02T14:00'),
      durationMinutes: 240,
    });
    await world.link(first, second);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('answers the same schedule twice, and a changed one after each kind of change', async () => {
    expect(await schedule()).toEqual(await schedule());
    expect(await early(second)).toBe(utc('2026-11-02T14:00'));

    // A longer predecessor pushes the successor (a task edit).
    const task = await world.read(first);
    await t.http.patch(`/api/tasks/${first}`).send({ version: task['version'], durationMinutes: 480 }).expect(200);
    expect(await early(second)).toBe(utc('2026-11-03T08:00'));

    // A lag on the link (a dependency edit).
    const [link] = (await t.http.get(`/api/dependencies?successorId=${second}`).expect(200)).body.items;
    await t.http.patch(`/api/dependencies/${link.id}`).send({ version: link.version, lagMinutes: 240 }).expect(200);
    expect(await early(second)).toBe(utc('2026-11-03T14:00'));

    // A holiday on the calendar (not a task or a link at all): 11-03 is now off.
    await t.http
      .post('/api/calendar-exceptions')
      .send({ calendarId: world.calendar, date: '2026-11-03', kind: 'holiday', name: '临时停工' })
      .expect(201);
    expect(await early(second)).not.toBe(utc('2026-11-03T14:00'));
  });

  it('goes on from the cached schedule after each edit and answers what a fresh api computes', async () => {
    const edited = await world.project('CACHE-E');
    const at = (dateTime: string, durationMinutes = 240) => ({
      crewId: world.crews.cable,
      plannedStart: local(dateTime),
      durationMinutes,
    });
    const a = await world.task(edited, '管沟开挖', at('2026-11-02T08:00'));
    const b = await world.task(edited, '电缆敷设', at('2026-11-02T14:00'));
    const c = await world.task(edited, '路面恢复', at('2026-11-03T08:00', 120));
    const d = await world.task(edited, '表箱改接', at('2026-11-04T08:00', 120));
    await world.link(a, b);
    const bc = await world.link(b, c);
    // A service of its own has nothing cached: it loads and computes the whole project.
    const fresh = () =>
      new ScheduleService(t.app.get(ProjectNetworkService), t.app.get(SharedScheduleBodies)).schedule(edited, ADMIN);
    const answered = async () => (await t.http.get(`/api/projects/${edited}/schedule`).expect(200)).body;
    const patch = async (path: string, fields: Record<string, unknown>) => {
      const current = (await t.http.get(path).expect(200)).body;
      await t.http
        .patch(path)
        .send({ version: current.version, ...fields })
        .expect(200);
    };
    const edits: [string, () => Promise<unknown>][] = [
      ['a longer first task pushes the others', () => patch(`/api/tasks/${a}`, { durationMinutes: 480 })],
      ['a new title only', () => patch(`/api/tasks/${b}`, { title: '电缆敷设（改）' })],
      ['a new link', () => world.link(c, d)],
      ['a lag on a link', () => patch(`/api/dependencies/${bc}`, { lagMinutes: 120 })],
      ['a manual task', () => patch(`/api/tasks/${d}`, { schedulingMode: 'manual' })],
      ['a link removed', () => t.http.delete(`/api/dependencies/${bc}`).expect(204)],
      ['a task cancelled', () => patch(`/api/tasks/${c}`, { status: 'cancelled' })],
      ['a task added', () => world.task(edited, '清运', at('2026-11-05T08:00', 60))],
    ];
    expect(await answered()).toEqual(JSON.parse(JSON.stringify(await fresh())));
    for (const [change, edit] of edits) {
      await edit();
      expect({ change, schedule: await answered() }).toEqual({
        change,
        schedule: JSON.parse(JSON.stringify(await fresh())),
      });
    }
  });

  it('answers a revision another api computed from Redis, and never another revision', async () => {
    const redis = t.app.get<Redis>(REDIS);
    const key = `schedule-body:${project}:full:identity`;
    const body = (await t.http.get(`/api/projects/${project}/schedule`).set('accept-encoding', 'identity').expect(200))
      .text;
    const stored = async () => (await redis.hgetBuffer(key, 'body'))?.toString();
    await waitFor(async () => (await stored()) === body);
    const revision = (await redis.hget(key, 'revision')) as string;

    // A marked body at the current revision: a fresh service (another api) answers it as stored.
    const marked = Buffer.from(JSON.stringify({ marked: true }));
    const shared = t.app.get(SharedScheduleBodies);
    shared.put(project, revision, 'full:identity', { body: marked });
    await waitFor(async () => (await stored()) === marked.toString());
    const fresh = () => new ScheduleService(t.app.get(ProjectNetworkService), shared);
    expect((await fresh().scheduleBody(project, ADMIN, 'full', undefined)).body.toString()).toBe(marked.toString());

    // After an edit the stored body is of another revision: computed, not taken from Redis.
    const task = await world.read(first);
    await t.http.patch(`/api/tasks/${first}`).send({ version: task['version'], title: '电缆敷设（二）' }).expect(200);
    const answered = JSON.parse((await fresh().scheduleBody(project, ADMIN, 'full', undefined)).body.toString());
    expect(answered.tasks.map((row: { title: string }) => row.title)).toContain('电缆敷设（二）');
  });

  it('starts no background computation once its api is shutting down, and waits for one under way', async () => {
    const redis = t.app.get<Redis>(REDIS);
    const key = `schedule-body:${project}:full:identity`;
    const body = (await t.http.get(`/api/projects/${project}/schedule`).set('accept-encoding', 'identity').expect(200))
      .text;
    await waitFor(async () => (await redis.hgetBuffer(key, 'body'))?.toString() === body);
    const networks = t.app.get(ProjectNetworkService);
    const reads = jest.spyOn(networks, 'read');
    try {
      // Answered from Redis: a fresh api computes the project for itself afterwards, unless
      // it is shutting down by then.
      const closing = new ScheduleService(networks, t.app.get(SharedScheduleBodies));
      const answer = closing.scheduleBody(project, ADMIN, 'full', undefined);
      await closing.onApplicationShutdown();
      expect((await answer).body.toString()).toBe(body);
      await new Promise((done) => setTimeout(done, 200));
      expect(reads).toHaveBeenCalledTimes(1);

      // Not shutting down: the computation runs, and a shutdown waits for it to end.
      const running = new ScheduleService(networks, t.app.get(SharedScheduleBodies));
      await running.scheduleBody(project, ADMIN, 'full', undefined);
      await waitFor(async () => reads.mock.calls.length === 3);
      const warm = reads.mock.results[2].value as Promise<unknown>;
      let settled = false;
      void warm.finally(() => (settled = true));
      await running.onApplicationShutdown();
      expect(settled).toBe(true);
    } finally {
      reads.mockRestore();
    }
  });

  it('warms the schedule code on a made-up project of the current task and link columns', () => {
    // Runs at every api start; a column it does not fill, or an engine refusal, fails it here.
    expect(warmSchedulePath(t.app.get(DataSource), 300)).toBeGreaterThan(1000);
  });

  it('still limits a cached schedule to what each user may see', async () => {
    await schedule();
    const fibre = await t.as({ role: Role.Contractor, crewIds: [world.crews.fibre] });
    const mine = (await fibre.get(`/api/projects/${project}/schedule`).expect(200)).body;
    expect(mine.tasks.map((task: { id: string }) => task.id)).toEqual([second]);
    expect(mine.dependencies).toEqual([]);
    expect((await schedule()).tasks).toHaveLength(2);
  });

  it('answers conflicts from its cache only while nothing they depend on changed', async () => {
    const clash = await world.project('CACHE-C');
    type Item = { kind: string; crewName?: string; taskIds: string[] };
    const conflicts = async (as = t.http) =>
      (await as.get(`/api/projects/${clash}/conflicts?from=2026-11-02&to=2026-11-10`).expect(200)).body.items as Item[];
    const booked = (items: Item[]) => items.filter((item) => item.kind === 'crew-double-booking');
    const a = await world.task(clash, '电缆头制作', {
      crewId: world.crews.cable,
      plannedStart: local('2026-11-03T08:00'),
      durationMinutes: 240,
    });
    const b = await world.task(clash, '电缆沟清理', {
      crewId: world.crews.cable,
      plannedStart: local('2026-11-03T09:00'),
      durationMinutes: 120,
    });
    const splice = await world.task(clash, '光缆熔接', {
      crewId: world.crews.fibre,
      plannedStart: local('2026-11-03T08:00'),
      durationMinutes: 120,
    });
    const first = await conflicts();
    expect(booked(first)).toEqual([expect.objectContaining({ crewName: '电缆一班', taskIds: [a, b].sort() })]);
    expect(await conflicts()).toEqual(first);

    // A renamed crew (not part of the plan) is named anew at once.
    const crew = (await t.http.get(`/api/crews/${world.crews.cable}`).expect(200)).body;
    await t.http.patch(`/api/crews/${crew.id}`).send({ version: crew.version, name: '电缆二班' }).expect(200);
    expect(booked(await conflicts())).toEqual([expect.objectContaining({ crewName: '电缆二班' })]);
    await t.http
      .patch(`/api/crews/${crew.id}`)
      .send({ version: crew.version + 1, name: '电缆一班' })
      .expect(200);

    // Each user still sees only the conflicts of tasks it may see.
    const seen = await conflicts(await t.as({ role: Role.Contractor, crewIds: [world.crews.fibre] }));
    expect(booked(seen)).toEqual([]);
    expect(seen.every((item) => item.taskIds.includes(splice))).toBe(true);

    // Moving one task to the next week ends the clash at once.
    const moved = await world.read(b);
    await t.http
      .patch(`/api/tasks/${b}`)
      .send({ version: moved['version'], plannedStart: local('2026-11-09T08:00') })
      .expect(200);
    expect(booked(await conflicts())).toEqual([]);
  });

  it('sees a place moved to another building at once in the conflicts', async () => {
    const places = await world.project('CACHE-L');
    const unit = await world.id('/api/locations', { kind: 'unit', name: '2单元', parentId: world.locations.building });
    const at = { plannedStart: local('2026-11-03T08:00'), durationMinutes: 120 };
    await world.task(places, '楼内表箱改接', {
      ...at,
      crewId: world.crews.cable,
      locationId: world.locations.building,
    });
    await world.task(places, '单元内管沟开挖', { ...at, crewId: world.crews.civil, locationId: unit });
    const clashes = async () =>
      (
        (await t.http.get(`/api/projects/${places}/conflicts?from=2026-11-02&to=2026-11-10`).expect(200)).body
          .items as { kind: string }[]
      ).filter((item) => item.kind === 'location-clash');
    expect(await clashes()).toHaveLength(1);
    expect(await clashes()).toHaveLength(1);

    // The unit is re-filed under another building: no longer inside the first one.
    const other = await world.id('/api/locations', {
      kind: 'building',
      name: '3号楼',
      parentId: world.locations.otherCompound,
    });
    const stored = (await t.http.get(`/api/locations/${unit}`).expect(200)).body;
    await t.http.patch(`/api/locations/${unit}`).send({ version: stored.version, parentId: other }).expect(200);
    expect(await clashes()).toEqual([]);
  });
});
