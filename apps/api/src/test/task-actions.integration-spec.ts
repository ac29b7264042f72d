import { randomUUID } from 'node:crypto';
import { Role } from '@worksite/shared-domain';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld, utc } from './scheduling-world';

type Json = Record<string, unknown>;
type Agent = Awaited<ReturnType<TestApp['as']>>;

/**
 * Standard work steps and bulk edits of tasks, on the noon-break calendar (Mon–Fri 08–12 and
 * 14–18; Wednesday 2026-11-04 a holiday; Thursday 2026-11-05 afternoon blacked out).
 */
describe('standard work steps and bulk task edits over HTTP', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let otherProject: string;
  let coordinator: Agent;
  let viewer: Agent;

  const ref = async (id: string) => ({ id, version: (await world.read(id))['version'] as number });
  const bulk = (agent: TestApp['http'], body: Json, projectId = project) =>
    agent.post(`/api/projects/${projectId}/tasks/bulk`).send(body);
  const auditOf = async (id: string): Promise<{ action: string }[]> =>
    t.dataSource.query('SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY "at"', [id]);

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-BULK');
    otherProject = await world.project('HPXC-OTHER');
    coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
    viewer = await t.as({ role: Role.Viewer });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('work steps', () => {
    const step = {
      name: '动力电缆入地及表箱改接',
      departmentKind: 'power',
      durationMinutes: 960,
      content: '停电施工：敷设入地动力电缆，单元表箱改接。',
      materials: [{ name: '动力电缆YJV22-4×35', quantity: 135, unit: '米' }],
      tools: ['绝缘手套', '验电器'],
      safetyNotes: '停电、验电、挂接地线后方可作业。',
    };

    it('are kept by planners (deleted by admins only, like reference data) and listed to planners, not to viewers', async () => {
      const created = await t.http.post('/api/work-steps').send(step).expect(201);
      expect(created.body).toMatchObject({ ...step, version: 1 });
      const listed = await coordinator.get('/api/work-steps?q=表箱').expect(200);
      expect(listed.body.items.map((s: Json) => s['name'])).toEqual([step.name]);
      const byCoordinator = await coordinator
        .post('/api/work-steps')
        .send({ ...step, name: '另一个工序' })
        .expect(201);
      await coordinator
        .patch(`/api/work-steps/${byCoordinator.body.id}`)
        .send({ durationMinutes: 480, version: 1 })
        .expect(200);
      await coordinator.delete(`/api/work-steps/${byCoordinator.body.id}`).expect(403);
      await viewer
        .post('/api/work-steps')
        .send({ ...step, name: '观察员的工序' })
        .expect(403);
      expect((await viewer.get('/api/work-steps').expect(200)).body.items).toEqual([]);
      await viewer.get(`/api/work-steps/${created.body.id}`).expect(404);

      const changed = await t.http
        .patch(`/api/work-steps/${created.body.id}`)
        .send({ durationMinutes: 1440, version: 1 })
        .expect(200);
      expect(changed.body).toMatchObject({ durationMinutes: 1440, version: 2 });
      await t.http.patch(`/api/work-steps/${created.body.id}`).send({ durationMinutes: 60, version: 1 }).expect(409);
      await t.http.post('/api/work-steps').send(step).expect(409);
      await t.http
        .post('/api/work-steps')
        .send({ ...step, name: '坏的', durationMinutes: -5, departmentKind: 'bakery' })
        .expect(400);
      await coordinator.delete(`/api/work-steps/${created.body.id}`).expect(403);
      await t.http.delete(`/api/work-steps/${created.body.id}`).expect(204);
    });
  });

  describe('bulk edits', () => {
    let a: string;
    let b: string;
    let c: string;

    beforeAll(async () => {
      const { crews } = world;
      // A Tuesday morning → B (FS) Tuesday afternoon; C on Friday morning.
      a = await world.task(project, 'A 电缆敷设', {
        crewId: crews.cable,
        plannedStart: local('2026-11-03T08:00'),
        durationMinutes: 240,
      });
      b = await world.task(project, 'B 光缆穿管', {
        crewId: crews.fibre,
        plannedStart: local('2026-11-03T08:00'),
        durationMinutes: 240,
      });
      c = await world.task(project, 'C 沟槽开挖', {
        crewId: crews.civil,
        plannedStart: local('2026-11-06T08:00'),
        durationMinutes: 240,
      });
      await world.link(a, b);
    });

    it('shifts by working days over the holiday and the weekend and pushes the successors, in one pass', async () => {
      expect(await world.read(b)).toMatchObject({ plannedStart: utc('2026-11-03T14:00') });
      const response = await bulk(coordinator, { tasks: [await ref(a), await ref(c)], shiftWorkingDays: 1 }).expect(
        200,
      );
      const byId = new Map((response.body.tasks as Json[]).map((task) => [task['id'], task]));
      // Tuesday + 1 working day: Wednesday is a holiday → Thursday; Friday + 1 → Monday.
      expect(byId.get(a)).toMatchObject({
        plannedStart: utc('2026-11-05T08:00'),
        plannedFinish: utc('2026-11-05T12:00'),
        startDate: '2026-11-05',
        durationMinutes: 240,
        constraintType: 'start_no_earlier_than',
        version: 2,
      });
      expect(byId.get(c)).toMatchObject({
        plannedStart: utc('2026-11-09T08:00'),
        plannedFinish: utc('2026-11-09T12:00'),
      });
      // B follows A: Thursday afternoon is blacked out → Friday morning.
      expect(response.body.pushed).toBe(1);
      expect(await world.read(b)).toMatchObject({
        plannedStart: utc('2026-11-06T08:00'),
        plannedFinish: utc('2026-11-06T12:00'),
      });
      expect((await auditOf(a)).map((entry) => entry.action)).toEqual(['create', 'update']);

      // And back: Monday − 1 working day is Friday.
      const back = await bulk(coordinator, { tasks: [await ref(c)], shiftWorkingDays: -1 }).expect(200);
      expect(back.body.tasks[0]).toMatchObject({ plannedStart: utc('2026-11-06T08:00') });
    });

    it('is one change set: undoing it puts the tasks and the successors it pushed back', async () => {
      const before = { a: await world.read(a), b: await world.read(b), c: await world.read(c) };
      const changeSet = randomUUID();
      await bulk(coordinator, { tasks: [await ref(a), await ref(c)], shiftWorkingDays: 1 })
        .set('X-Change-Set', changeSet)
        .expect(200);
      expect(await world.read(b)).not.toMatchObject({ plannedStart: before.b['plannedStart'] });
      await coordinator.post(`/api/change-sets/${changeSet}/undo`).expect(200);
      for (const [id, was] of [
        [a, before.a],
        [b, before.b],
        [c, before.c],
      ] as const) {
        expect(await world.read(id)).toMatchObject({
          plannedStart: was['plannedStart'],
          plannedFinish: was['plannedFinish'],
        });
      }
    });

    it('shifts 500 tasks in one transaction and one scheduling pass, pushing their successors', async () => {
      const big = await world.project('HPXC-BULK-500');
      const manager = await t.as({ role: Role.Coordinator, projectIds: [big] });
      const template = await world.task(big, '表箱改接 0', {
        crewId: world.crews.cable,
        plannedStart: local('2026-11-09T08:00'),
        durationMinutes: 240,
      });
      // 499 copies of the template (codes from the trigger), then 100 successors of the first 100.
      const columns: string[] = (
        await t.dataSource.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'tasks'
            AND column_name NOT IN ('id', 'code', 'title', 'external_code') ORDER BY ordinal_position`,
        )
      ).map((row: { column_name: string }) => `"${row.column_name}"`);
      const copy = (count: number, title: string) =>
        t.dataSource.query(
          `INSERT INTO tasks (id, title, ${columns.join(', ')})
           SELECT gen_random_uuid(), ${title}, ${columns.join(', ')} FROM tasks, generate_series(1, ${count}) AS n
            WHERE id = $1`,
          [template],
        );
      await copy(499, `'表箱改接 ' || n`);
      const tasks: { id: string; title: string }[] = await t.dataSource.query(
        'SELECT id, title FROM tasks WHERE project_id = $1 ORDER BY code',
        [big],
      );
      await copy(100, `'单元送电 ' || n`);
      await t.dataSource.query(
        `INSERT INTO dependencies (project_id, predecessor_id, successor_id, type, lag_minutes)
         SELECT $1, p.id, s.id, 'FS', 0
           FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM tasks
                  WHERE project_id = $1 AND title LIKE '表箱改接 %') p
           JOIN (SELECT id, row_number() OVER (ORDER BY code) AS n FROM tasks
                  WHERE project_id = $1 AND title LIKE '单元送电 %') s ON s.n = p.n`,
        [big],
      );
      expect(tasks).toHaveLength(500);

      // One scheduling pass, not one per task: the network read twice (the edited tasks and the
      // tasks right after them, then the tasks right after those that moved, which move nothing).

      const network = t.app.get(ProjectNetworkService);

      const loads = [jest.spyOn(network, 'load'), jest.spyOn(network, 'loadDownstream')];
      const changeSet = randomUUID();
      const started = Date.now();
      const response = await bulk(
        manager,
        { tasks: tasks.map((task) => ({ id: task.id, version: 1 })), shiftWorkingDays: 1 },
        big,
      )
        .set('X-Change-Set', changeSet)
        .expect(200);
      const took = Date.now() - started;
      expect(loads.reduce((calls, spy) => calls + spy.mock.calls.length, 0)).toBe(2);
      loads.forEach((spy) => spy.mockRestore());

      // Monday + 1 working day: Tuesday, each held there by its new constraint, version 2.
      expect(response.body.tasks).toHaveLength(500);
      for (const task of response.body.tasks as Json[]) {
        expect(task).toMatchObject({
          plannedStart: utc('2026-11-10T08:00'),
          plannedFinish: utc('2026-11-10T12:00'),
          startDate: '2026-11-10',
          constraintType: 'start_no_earlier_than',
          version: 2,
        });
      }
      // The successors follow: Tuesday afternoon.
      expect(response.body.pushed).toBe(100);
      const successors: { start: Date; version: number }[] = await t.dataSource.query(
        `SELECT planned_start AS start, version FROM tasks WHERE project_id = $1 AND title LIKE '单元送电 %'`,
        [big],
      );
      expect(new Set(successors.map((row) => row.start.toISOString()))).toEqual(new Set([utc('2026-11-10T14:00')]));
      // Every write is in the change set, with its version, so one undo takes it all back.
      const [audit] = await t.dataSource.query(
        `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS tasks, min(row_version) AS v
           FROM audit_entries WHERE change_set_id = $1 AND entity = 'task' AND action = 'update'`,
        [changeSet],
      );
      expect(audit).toEqual({ n: 600, tasks: 600, v: 2 });
      console.info(`bulk shift of 500 tasks (100 successors pushed): ${took} ms (measured under load)`);
      await manager.post(`/api/change-sets/${changeSet}/undo`).expect(200);
      const [back] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM tasks WHERE project_id = $1 AND title LIKE '表箱改接 %' AND planned_start = $2`,
        [big, utc('2026-11-09T08:00')],
      );
      expect(back.n).toBe(500);
    }, 60_000);

    it('writes nothing when one version is stale, naming the task', async () => {
      const before = { a: await world.read(a), c: await world.read(c) };
      const stale = { id: a, version: (before.a['version'] as number) - 1 };
      const response = await bulk(coordinator, { tasks: [stale, await ref(c)], shiftWorkingDays: 2 })
        .set('Accept-Language', 'en')
        .expect(409);
      expect(response.body).toMatchObject({
        code: 'version_conflict',
        message: expect.stringContaining('"A 电缆敷设"'),
        tasks: [{ id: a, title: 'A 电缆敷设', version: before.a['version'] }],
      });
      expect(await world.read(a)).toEqual(before.a);
      expect(await world.read(c)).toEqual(before.c);
    });

    it('refuses whoever may not plan the project: 403 when they see it, 404 when they do not', async () => {
      const body = { tasks: [await ref(c)], status: 'ready' };
      const agency = await t.as({ role: Role.Agency, departmentId: world.departments.construction });
      const otherCoordinator = await t.as({ role: Role.Coordinator, projectIds: [otherProject] });
      const contractor = await t.as({ role: Role.Contractor, crewIds: [world.crews.civil] });
      expect((await bulk(viewer, body)).status).toBe(403);
      expect((await bulk(agency, body)).status).toBe(403);
      expect((await bulk(contractor, body)).status).toBe(403);
      expect((await bulk(otherCoordinator, body)).status).toBe(404);
      await t.anonymous.post(`/api/projects/${project}/tasks/bulk`).send(body).expect(401);
      // A task of another project, or one that does not exist: 404, nothing written.
      const elsewhere = await world.task(otherProject, 'X 其他项目', {
        crewId: world.crews.civil,
        plannedStart: local('2026-11-02T08:00'),
        durationMinutes: 60,
      });
      const response = await bulk(coordinator, {
        tasks: [await ref(c), { id: elsewhere, version: 1 }],
        status: 'ready',
      });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'bulk_tasks_not_found', missingIds: [elsewhere] });
      expect(await world.read(c)).toMatchObject({ status: 'planned' });
    });

    it('assigns a crew (and its department) and sets a status; coordinators may cancel', async () => {
      const response = await bulk(coordinator, {
        tasks: [await ref(a), await ref(c)],
        crewId: world.crews.fibre,
        status: 'ready',
      }).expect(200);
      for (const task of response.body.tasks as Json[]) {
        expect(task).toMatchObject({
          crewId: world.crews.fibre,
          departmentId: world.departments.telecom,
          status: 'ready',
        });
      }
      await bulk(coordinator, { tasks: [await ref(c)], status: 'cancelled' }).expect(200);
      expect(await world.read(c)).toMatchObject({ status: 'cancelled' });
      await bulk(coordinator, { tasks: [await ref(c)], crewId: null }).expect(200);
      expect(await world.read(c)).toMatchObject({ crewId: null, departmentId: world.departments.telecom });
      const missingCrew = await bulk(coordinator, { tasks: [await ref(c)], crewId: a });
      expect(missingCrew.status).toBe(400);
    });

    it('validates the request before anything else', async () => {
      const one = await ref(c);
      for (const body of [
        { tasks: [], status: 'ready' },
        { tasks: [one] },
        { tasks: [one], shiftWorkingDays: 0 },
        { tasks: [one], shiftWorkingDays: 1.5 },
        { tasks: [one], delete: true, status: 'ready' },
        { tasks: [one, one], status: 'ready' },
        { tasks: [one], status: 'finished' },
        { tasks: [{ id: 'x', version: 1 }], status: 'ready' },
      ]) {
        const response = await bulk(coordinator, body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
      }
    });

    it('deletes tasks with links only when asked to remove the links too', async () => {
      const refused = await bulk(coordinator, { tasks: [await ref(a)], delete: true }).expect(409);
      expect(refused.body).toMatchObject({ code: 'task_has_dependencies', dependencyIds: [expect.any(String)] });
      const linkId = refused.body.dependencyIds[0] as string;
      const done = await bulk(coordinator, {
        tasks: [await ref(a), await ref(c)],
        delete: true,
        removeLinks: true,
      }).expect(200);
      expect(done.body).toMatchObject({ deletedIds: expect.arrayContaining([a, c]), removedLinks: 1, tasks: [] });
      await t.http.get(`/api/tasks/${a}`).expect(404);
      await t.http.get(`/api/dependencies/${linkId}`).expect(404);
      expect((await auditOf(a)).map((entry) => entry.action).at(-1)).toBe('delete');
      expect((await auditOf(linkId)).map((entry) => entry.action).at(-1)).toBe('delete');
      expect(await world.read(b)).toMatchObject({ title: 'B 光缆穿管' });
    });
  });
});
