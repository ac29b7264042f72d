import { randomUUID } from 'node:crypto';
import { CHANGE_SET_HEADER, Role } from '@worksite/shared-domain';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld } from './scheduling-world';

type Json = Record<string, unknown>;

/** Task codes: the project's sequential numbers (MS Project's ID) that the predecessors column uses. */
describe('task codes', () => {
  let t: TestApp;
  let world: SchedulingWorld;

  const task = (projectId: string, title: string) =>
    t.http.post('/api/tasks').send({
      projectId,
      title,
      crewId: world.crews.cable,
      plannedStart: local('2026-11-02T08:00'),
      durationMinutes: 240,
    });

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it("numbers each project's tasks from 1, one after another, never reusing a deleted one's", async () => {
    const first = await world.project('HPXC-CODE-1');
    const second = await world.project('HPXC-CODE-2');
    const a = (await task(first, 'A').expect(201)).body;
    const b = (await task(first, 'B').expect(201)).body;
    const other = (await task(second, 'X').expect(201)).body;
    expect([a.code, b.code, other.code]).toEqual([1, 2, 1]);
    // Deleting the highest (B) does not free its code: the next task is 3, not 2.
    await t.http.delete(`/api/tasks/${b.id}`).expect(204);
    const c = (await task(first, 'C').expect(201)).body;
    expect(c.code).toBe(3);
    await t.http.delete(`/api/tasks/${a.id}`).expect(204);
    // The gaps left by A and B stay gaps.
    expect((await task(first, 'D').expect(201)).body.code).toBe(4);
    expect((await t.http.get(`/api/tasks/${c.id}`).expect(200)).body.code).toBe(3);
  });

  it('gives concurrent creates in one project distinct consecutive codes', async () => {
    const project = await world.project('HPXC-CODE-3');
    const coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        coordinator.post('/api/tasks').send({
          projectId: project,
          title: `并发 ${i}`,
          crewId: world.crews.fibre,
          plannedStart: local('2026-11-02T08:00'),
          durationMinutes: 60,
        }),
      ),
    );
    expect(created.map((response) => response.status)).toEqual(Array(8).fill(201));
    expect(created.map((response) => response.body.code as number).sort((x, y) => x - y)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it('is read-only and part of the schedule payload', async () => {
    const project = await world.project('HPXC-CODE-4');
    const created = (await task(project, 'A').expect(201)).body;
    const refused = await t.http.patch(`/api/tasks/${created.id}`).send({ code: 7, version: created.version });
    expect(refused.status).toBe(400);
    const schedule = await t.http.get(`/api/projects/${project}/schedule`).expect(200);
    expect(schedule.body.tasks.map((row: Json) => [row['title'], row['code']])).toEqual([['A', 1]]);
  });

  it("takes a table's predecessors edit as one change set: a link refused (cycle) takes back those written before it", async () => {
    const project = await world.project('HPXC-CODE-5');
    const coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((title) => task(project, title).expect(201)));
    // A → B exists. A's predecessors typed as "3FS+1d; 2" are written in one change set: C → A
    // first, then B → A, which closes the cycle A → B → A and is refused.
    await coordinator
      .post('/api/dependencies')
      .send({ predecessorId: a.body.id, successorId: b.body.id, type: 'FS', lagMinutes: 0 })
      .expect(201);
    const changeSet = randomUUID();
    await coordinator
      .post('/api/dependencies')
      .set(CHANGE_SET_HEADER, changeSet)
      .send({ predecessorId: c.body.id, successorId: a.body.id, type: 'FS', lagMinutes: 480 })
      .expect(201);
    const cycle = await coordinator
      .post('/api/dependencies')
      .set(CHANGE_SET_HEADER, changeSet)
      .send({ predecessorId: b.body.id, successorId: a.body.id, type: 'FS', lagMinutes: 0 });
    expect(cycle.status).toBe(422);
    expect(cycle.body.message).toContain('B');
    await coordinator.post(`/api/change-sets/${changeSet}/undo`).send({}).expect(200);
    const schedule = await coordinator.get(`/api/projects/${project}/schedule`).expect(200);
    expect(schedule.body.dependencies.map((d: Json) => [d['predecessorId'], d['successorId']])).toEqual([
      [a.body.id, b.body.id],
    ]);
  });
});
