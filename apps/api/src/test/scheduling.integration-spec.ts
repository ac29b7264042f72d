import { Role } from '@worksite/shared-domain';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, buildTextbook, local, SchedulingWorld, utc } from './scheduling-world';

type Json = Record<string, unknown>;
type Scheduled = Json & { id: string; earlyStart: string; earlyFinish: string; lateStart: string; lateFinish: string };

/**
 * The textbook network (see buildTextbook) on 和平新村施工日历, project start Monday
 * 2026-11-02, in working minutes from Monday 08:00 (Mon 0–480, Tue 480–960, Wednesday is a
 * holiday, Thu 960–1200 as the afternoon is blacked out, Fri 1200–1680):
 *
 *   task  dur  link          ES    EF    LS    LF    TF  FF  critical
 *   A     240  —              0   240     0   240     0   0  yes   Mon 08:00–12:00
 *   B     480  FS A +60     300   780   300   780     0   0  yes   Mon 15:00 – Tue 15:00
 *   C     360  SS A +120    120   480   180   540    60   0        Mon 10:00–18:00
 *   D     240  FF B         540   780   540   780     0   0  yes   Tue 09:00–15:00
 *   E     120  SF C +600    600   720   660   780    60  60        Tue 10:00–12:00
 *   F     480  FS D, FS E   780  1260   780  1260     0   0  yes   Tue 15:00 – Fri 09:00
 *
 * B: EF(A) 240 + 60. C: ES(A) + 120. D: EF(D) ≥ EF(B) = 780, so ES = 540. E: EF(E) ≥ ES(C)
 * + 600 = 720. F: max(EF(D), EF(E)) = 780; 480 minutes run Tue 15–18 (180), Thu 08–12 (240;
 * the holiday and the blackout are skipped), Fri 08–09 (60). Backwards from the project
 * finish 1260: LS(F) 780 → LF(D) 780, LF(E) 780 → LS(E) 660; LF(B) = LF(D) (FF) = 780;
 * LS(C) = LF(E) − 600 = 180; LF(A) = min(LS(B) − 60, LS(C) − 120 + 240) = 240.
 * Free float of E: ES(F) − EF(E) = 60; of C: the SF link has no slack.
 */
describe('scheduling over HTTP: schedule, critical path, recompute and re-scheduling after edits', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>;

  const schedule = async (projectId = project) =>
    (await t.http.get(`/api/projects/${projectId}/schedule`).expect(200)).body;
  const recompute = (body: Json = {}, projectId = project) =>
    t.http.post(`/api/projects/${projectId}/recompute`).send(body);
  const dates = async (taskIds: string[]) =>
    Object.fromEntries(
      await Promise.all(
        taskIds.map(async (taskId) => {
          const task = await world.read(taskId);
          return [taskId, [task['plannedStart'], task['plannedFinish'], task['version']]];
        }),
      ),
    );
  const auditCount = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM audit_entries'))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-SCHED-1');
    ids = (await buildTextbook(world, project)).ids;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/projects/:id/schedule', () => {
    it('returns the textbook early and late dates, floats and critical flags', async () => {
      const body = await schedule();
      const byId = new Map<string, Scheduled>(body.tasks.map((task: Scheduled) => [task.id, task]));
      const row = (id: string) => {
        const task = byId.get(id) as Scheduled;
        return [
          task.earlyStart,
          task.earlyFinish,
          task.lateStart,
          task.lateFinish,
          task['totalFloatMinutes'],
          task['freeFloatMinutes'],
          task['critical'],
        ];
      };
      expect(row(ids.A)).toEqual([
        utc('2026-11-02T08:00'),
        utc('2026-11-02T12:00'),
        utc('2026-11-02T08:00'),
        utc('2026-11-02T12:00'),
        0,
        0,
        true,
      ]);
      expect(row(ids.B)).toEqual([
        utc('2026-11-02T15:00'),
        utc('2026-11-03T15:00'),
        utc('2026-11-02T15:00'),
        utc('2026-11-03T15:00'),
        0,
        0,
        true,
      ]);
      expect(row(ids.C)).toEqual([
        utc('2026-11-02T10:00'),
        utc('2026-11-02T18:00'),
        utc('2026-11-02T11:00'),
        utc('2026-11-03T09:00'),
        60,
        0,
        false,
      ]);
      expect(row(ids.D)).toEqual([
        utc('2026-11-03T09:00'),
        utc('2026-11-03T15:00'),
        utc('2026-11-03T09:00'),
        utc('2026-11-03T15:00'),
        0,
        0,
        true,
      ]);
      expect(row(ids.E)).toEqual([
        utc('2026-11-03T10:00'),
        utc('2026-11-03T12:00'),
        utc('2026-11-03T11:00'),
        utc('2026-11-03T15:00'),
        60,
        60,
        false,
      ]);
      expect(row(ids.F)).toEqual([
        utc('2026-11-03T15:00'),
        utc('2026-11-06T09:00'),
        utc('2026-11-03T15:00'),
        utc('2026-11-06T09:00'),
        0,
        0,
        true,
      ]);
      expect(body.criticalPath).toEqual([ids.A, ids.B, ids.D, ids.F]);
      expect(body.projectStart).toBe(utc('2026-11-02T00:00'));
      expect(body.projectFinish).toBe(utc('2026-11-06T09:00'));
      expect(body.violations).toEqual([]);
      expect(body.dependencies).toHaveLength(6);
      expect(body.project).toMatchObject({ id: project, code: 'HPXC-SCHED-1', timeZone: 'Asia/Shanghai' });
      // The stored dates are still a week late: the schedule shows them beside the computed ones.
      expect(byId.get(ids.A)).toMatchObject({ plannedStart: utc('2026-11-09T08:00'), scheduledAs: 'automatic' });
    });

    it('sends the calendar as the engine reads it: windows, holiday and blackout', async () => {
      const { calendar } = await schedule();
      expect(calendar).toEqual({
        timeZone: 'Asia/Shanghai',
        weekly: Object.fromEntries(
          [1, 2, 3, 4, 5].map((day) => [
            day,
            [
              { start: '08:00', end: '12:00' },
              { start: '14:00', end: '18:00' },
            ],
          ]),
        ),
        holidays: ['2026-11-04'],
        makeUpWorkdays: [],
        blackouts: [
          {
            start: Date.parse(local('2026-11-05T14:00')),
            end: Date.parse(local('2026-11-05T18:00')),
            label: '区统考(126中学考点)',
          },
        ],
      });
    });

    it('answers 400 for a malformed id and 404 for an unknown project', async () => {
      const malformed = await t.http.get('/api/projects/not-a-uuid/schedule').set('Accept-Language', 'en').expect(400);
      expect(malformed.body).toMatchObject({
        code: 'validation_failed',
        problems: [{ field: 'id', messages: ['id must be a UUID'] }],
      });
      const missing = await t.http.get('/api/projects/6f1c1c3e-4c51-4b1e-9d7e-000000000000/schedule').expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    });
  });

  it('GET /api/projects/:id/critical-path lists the critical tasks in order with dates and the project finish', async () => {
    const { body } = await t.http.get(`/api/projects/${project}/critical-path`).expect(200);
    expect(body).toMatchObject({ projectId: project, projectFinish: utc('2026-11-06T09:00') });
    expect(
      body.tasks.map((task: Json) => [task['title'], task['start'], task['finish'], task['totalFloatMinutes']]),
    ).toEqual([
      ['A 电力电缆停电切改', utc('2026-11-02T08:00'), utc('2026-11-02T12:00'), 0],
      ['B 城建沟槽开挖', utc('2026-11-02T15:00'), utc('2026-11-03T15:00'), 0],
      ['D 移动光缆穿管', utc('2026-11-03T09:00'), utc('2026-11-03T15:00'), 0],
      ['F 移动光缆熔接', utc('2026-11-03T15:00'), utc('2026-11-06T09:00'), 0],
    ]);
  });

  describe('POST /api/projects/:id/recompute', () => {
    it('lists in a dry run which tasks move, from where to where, and writes nothing', async () => {
      const before = await dates(Object.values(ids));
      const audits = await auditCount();
      const { body } = await recompute().expect(200);
      expect(body.applied).toBe(false);
      const moved = new Map(body.moved.map((move: Json) => [move['taskId'], move]));
      expect([...moved.keys()].sort()).toEqual(Object.values(ids).sort());
      expect(moved.get(ids.A)).toEqual({
        taskId: ids.A,
        title: 'A 电力电缆停电切改',
        from: { start: utc('2026-11-09T08:00'), finish: utc('2026-11-09T12:00') },
        to: { start: utc('2026-11-02T08:00'), finish: utc('2026-11-02T12:00') },
      });
      expect(moved.get(ids.F)).toMatchObject({
        to: { start: utc('2026-11-03T15:00'), finish: utc('2026-11-06T09:00') },
      });
      expect(await dates(Object.values(ids))).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('writes the moves once with apply, bumping versions and auditing each; a second recompute moves nothing', async () => {
      const before = await dates(Object.values(ids));
      const audits = await auditCount();
      const applied = await recompute({ apply: true }).expect(200);
      expect(applied.body.applied).toBe(true);
      expect(applied.body.moved).toHaveLength(6);
      const after = await world.read(ids.F);
      expect(after).toMatchObject({
        plannedStart: utc('2026-11-03T15:00'),
        plannedFinish: utc('2026-11-06T09:00'),
        startDate: '2026-11-03',
        finishDate: '2026-11-06',
        version: (before[ids.F][2] as number) + 1,
      });
      expect(await auditCount()).toBe(audits + 6);
      const audit = await t.http.get(`/api/audit?entityId=${ids.F}`).expect(200);
      expect(audit.body.items[0].changes).toMatchObject({
        plannedStart: { after: utc('2026-11-03T15:00') },
        startDate: { before: '2026-11-10', after: '2026-11-03' },
      });

      const dryRun = await recompute().expect(200);
      expect(dryRun.body).toEqual({ applied: false, moved: [] });
      const again = await recompute({ apply: true }).expect(200);
      expect(again.body).toEqual({ applied: true, moved: [] });
      expect(await auditCount()).toBe(audits + 6);
    });

    it('answers 400 for a body that is not { apply?: boolean }', async () => {
      const wrong = await recompute({ apply: 'yes' }).set('Accept-Language', 'en').expect(400);
      expect(wrong.body.problems).toEqual([{ field: 'apply', messages: ['apply must be true or false'] }]);
      await recompute({ apply: true, force: true }).expect(400);
    });

    it('rolls back with 409 schedule_conflict naming the task whose version changed between read and write', async () => {
      // Pending moves: A is pushed a day later (its successors follow), then put back (they stay).
      const a = await world.read(ids.A);
      const pushed = await t.http
        .patch(`/api/tasks/${ids.A}`)
        .send({ version: a['version'], plannedStart: local('2026-11-03T08:00') })
        .expect(200);
      await t.http
        .patch(`/api/tasks/${ids.A}`)
        .send({ version: pushed.body.version, plannedStart: local('2026-11-02T08:00') })
        .expect(200);
      const pending = (await recompute().expect(200)).body.moved.map((move: Json) => move['taskId']);
      expect(pending).toContain(ids.B);

      const before = await dates(Object.values(ids));
      const audits = await auditCount();
      // Another writer changes B (progress only: it takes no project lock) and holds its row.
      const other = t.dataSource.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      await other.query('UPDATE tasks SET progress = 10, version = version + 1 WHERE id = $1', [ids.B]);
      const applying = recompute({ apply: true }).then((response) => response);
      await waitForLockWait(t);
      await other.commitTransaction();
      await other.release();

      const refused = await applying;
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        statusCode: 409,
        code: 'schedule_conflict',
        tasks: [{ id: ids.B, title: 'B 城建沟槽开挖' }],
      });
      expect(refused.body.message).toContain('B 城建沟槽开挖');
      const now = await dates(Object.values(ids));
      expect({ ...now, [ids.B]: now[ids.B].slice(0, 2) }).toEqual({ ...before, [ids.B]: before[ids.B].slice(0, 2) });
      expect(now[ids.B][2]).toBe((before[ids.B][2] as number) + 1);
      expect(await auditCount()).toBe(audits);

      // Read again, it goes through.
      const retried = await recompute({ apply: true }).expect(200);
      expect(retried.body.moved.map((move: Json) => move['taskId']).sort()).toEqual([...pending].sort());
      expect((await world.read(ids.B))['plannedStart']).toBe(utc('2026-11-02T15:00'));
    });

    it('lets only coordinators of the project and admins apply; anyone who can see it may dry-run', async () => {
      const coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
      await t.http.post(`/api/projects/${project}/recompute`).send({ apply: true }).expect(200);
      await coordinator.post(`/api/projects/${project}/recompute`).send({ apply: true }).expect(200);
      const viewer = await t.as({ role: Role.Viewer });
      await viewer.post(`/api/projects/${project}/recompute`).send({}).expect(200);
      const refused = await viewer.post(`/api/projects/${project}/recompute`).send({ apply: true }).expect(403);
      expect(refused.body).toMatchObject({ statusCode: 403, code: 'forbidden' });
      const otherCoordinator = await t.as({ role: Role.Coordinator, projectIds: [] });
      await otherCoordinator.post(`/api/projects/${project}/recompute`).send({ apply: true }).expect(404);
    });
  });

  /**
   * P → S1 → S2 (automatic, FS) and P → M (manual), placed one after the other from Monday
   * 2026-11-02; every automatic task created through the API holds start-no-earlier-than its
   * planned start (as a Gantt drag does), so nothing moves until someone edits.
   */
  describe('editing through the task and dependency API re-schedules automatic successors', () => {
    let chain: string;
    let task: Record<'P' | 'S1' | 'S2' | 'M', string>;
    let links: Record<'PS1' | 'S1S2' | 'PM', string>;
    const span = async (taskId: string) => {
      const row = await world.read(taskId);
      return [row['plannedStart'], row['plannedFinish'], row['version']];
    };

    beforeAll(async () => {
      chain = await world.project('HPXC-SCHED-2');
      const { crews } = world;
      task = {
        P: await world.task(chain, 'P 电力电缆敷设', {
          plannedStart: local('2026-11-02T08:00'),
          durationMinutes: 240,
          crewId: crews.cable,
        }),
        S1: await world.task(chain, 'S1 城建沟槽回填', {
          plannedStart: local('2026-11-02T14:00'),
          durationMinutes: 240,
          crewId: crews.civil,
        }),
        S2: await world.task(chain, 'S2 移动光缆敷设', {
          plannedStart: local('2026-11-03T08:00'),
          durationMinutes: 240,
          crewId: crews.fibre,
        }),
        M: await world.task(chain, 'M 已审批停电窗口', {
          plannedStart: local('2026-11-03T08:00'),
          plannedFinish: local('2026-11-03T12:00'),
          schedulingMode: 'manual',
          crewId: crews.cable,
        }),
      };
      links = {
        PS1: await world.link(task.P, task.S1),
        S1S2: await world.link(task.S1, task.S2),
        PM: await world.link(task.P, task.M),
      };
    }, 60_000);

    it('holds a task created through the API where it was put, so linking consistent tasks moves nothing', async () => {
      expect(await world.read(task.S1)).toMatchObject({
        version: 1,
        constraintType: 'start_no_earlier_than',
        constraintAt: utc('2026-11-02T14:00'),
      });
      expect((await world.read(task.M))['constraintType']).toBeNull();
      expect((await recompute({}, chain).expect(200)).body.moved).toEqual([]);
    });

    it('pushes the automatic successor and its successor when a predecessor moves later; a manual one stays, reported', async () => {
      const audits = await auditCount();
      const moved = await t.http
        .patch(`/api/tasks/${task.P}`)
        .send({ version: 1, plannedStart: local('2026-11-03T08:00') })
        .expect(200);
      expect(moved.body).toMatchObject({
        version: 2,
        plannedStart: utc('2026-11-03T08:00'),
        plannedFinish: utc('2026-11-03T12:00'),
        constraintType: 'start_no_earlier_than',
        constraintAt: utc('2026-11-03T08:00'),
      });
      expect(await span(task.S1)).toEqual([utc('2026-11-03T14:00'), utc('2026-11-03T18:00'), 2]);
      // Wednesday is a holiday: S2 goes to Thursday morning.
      expect(await span(task.S2)).toEqual([utc('2026-11-05T08:00'), utc('2026-11-05T12:00'), 2]);
      expect(await span(task.M)).toEqual([utc('2026-11-03T08:00'), utc('2026-11-03T12:00'), 1]);
      expect(await auditCount()).toBe(audits + 3);
      // The answer says where the edit's time went: the project lock, reading the network, the engine, the write.
      const timing = Object.fromEntries(
        [...String(moved.headers['server-timing']).matchAll(/([\w-]+);dur=([\d.]+)/g)].map(([, name, ms]) => [
          name,
          Number(ms),
        ]),
      );
      expect(Object.keys(timing)).toEqual(['app', 'plan-lock', 'push-read', 'push-engine', 'push-write']);
      const phases = timing['plan-lock'] + timing['push-read'] + timing['push-engine'] + timing['push-write'];
      expect(timing['push-write']).toBeGreaterThan(0);
      // Each figure is rounded to 0.1 ms.
      expect(timing['app'] + 0.3).toBeGreaterThanOrEqual(phases);
      const audit = await t.http.get(`/api/audit?entityId=${task.S2}`).expect(200);
      expect(audit.body.items[0]).toMatchObject({
        action: 'update',
        changes: { startDate: { before: '2026-11-03', after: '2026-11-05' } },
      });
      // The push's entry shows its move in `changes`, not the columns it is stored in.
      expect(Object.keys(audit.body.items[0]).filter((key) => key.startsWith('move'))).toEqual([]);

      const { violations } = await schedule(chain);
      expect(violations).toEqual([
        expect.objectContaining({
          taskId: task.M,
          kind: 'dependency',
          predecessorId: task.P,
          dependencyId: links.PM,
          byMinutes: 240,
          actual: utc('2026-11-03T08:00'),
        }),
      ]);
    });

    it('pushes the successors when a link gets a lag, across the holiday and the exam blackout', async () => {
      await t.http.patch(`/api/dependencies/${links.PS1}`).send({ version: 1, lagMinutes: 240 }).expect(200);
      // P ends Tue 12:00, +240 min is Tue 18:00, Wednesday is off: S1 runs Thursday morning.
      expect(await span(task.S1)).toEqual([utc('2026-11-05T08:00'), utc('2026-11-05T12:00'), 3]);
      // Thursday afternoon is blacked out: S2 runs Friday morning.
      expect(await span(task.S2)).toEqual([utc('2026-11-06T08:00'), utc('2026-11-06T12:00'), 3]);
    });

    it('moves the successor when a link is added, and leaves it when the link is deleted until a recompute', async () => {
      const n = await world.task(chain, 'N 市容恢复', {
        plannedStart: local('2026-11-02T08:00'),
        durationMinutes: 240,
        crewId: world.crews.civil,
      });
      const link = await world.link(task.S2, n);
      expect(await span(n)).toEqual([utc('2026-11-06T14:00'), utc('2026-11-06T18:00'), 2]);

      await t.http.delete(`/api/dependencies/${link}`).expect(204);
      expect(await span(n)).toEqual([utc('2026-11-06T14:00'), utc('2026-11-06T18:00'), 2]);
      const { body } = await recompute({}, chain).expect(200);
      expect(body.moved).toEqual([
        {
          taskId: n,
          title: 'N 市容恢复',
          from: { start: utc('2026-11-06T14:00'), finish: utc('2026-11-06T18:00') },
          to: { start: utc('2026-11-02T08:00'), finish: utc('2026-11-02T12:00') },
        },
      ]);
      await recompute({ apply: true }, chain).expect(200);
      expect(await span(n)).toEqual([utc('2026-11-02T08:00'), utc('2026-11-02T12:00'), 3]);
    });

    it('never pulls successors earlier when a predecessor moves back; a recompute does', async () => {
      const p = await world.read(task.P);
      const before = [await span(task.S1), await span(task.S2)];
      await t.http
        .patch(`/api/tasks/${task.P}`)
        .send({ version: p['version'], plannedStart: local('2026-11-02T08:00') })
        .expect(200);
      expect([await span(task.S1), await span(task.S2)]).toEqual(before);
      const pending = (await recompute({}, chain).expect(200)).body.moved.map((move: Json) => move['taskId']);
      expect(pending.sort()).toEqual([task.S1, task.S2].sort());
    });

    it('stores an automatic task moved earlier than its links allow where the engine puts it, and snaps starts to working time', async () => {
      // P runs Mon 08–12 and S1 waits for it with a 240-minute lag: S1 cannot start before Tue 08:00.
      const s1 = await world.read(task.S1);
      const s2 = await span(task.S2);
      const early = await t.http
        .patch(`/api/tasks/${task.S1}`)
        .send({ version: s1['version'], plannedStart: local('2026-11-02T08:00') })
        .expect(200);
      expect(early.body).toMatchObject({
        plannedStart: utc('2026-11-03T08:00'),
        plannedFinish: utc('2026-11-03T12:00'),
        version: (s1['version'] as number) + 2,
      });
      expect((await schedule(chain)).violations.filter((v: Json) => v['taskId'] === task.S1)).toEqual([]);
      expect(await span(task.S2)).toEqual(s2);

      // Typed into the noon break: the next working minute, as a drag lands.
      const noon = await t.http
        .patch(`/api/tasks/${task.S1}`)
        .send({ version: early.body.version, plannedStart: local('2026-11-03T12:30') })
        .expect(200);
      expect(noon.body).toMatchObject({
        plannedStart: utc('2026-11-03T14:00'),
        plannedFinish: utc('2026-11-03T18:00'),
        constraintAt: utc('2026-11-03T14:00'),
      });
      // Created on the evening before the holiday: Thursday morning.
      const created = await t.http
        .post('/api/tasks')
        .send({
          projectId: chain,
          title: '夜间录入的任务',
          crewId: world.crews.civil,
          plannedStart: local('2026-11-03T19:00'),
          durationMinutes: 60,
        })
        .expect(201);
      expect(created.body).toMatchObject({
        plannedStart: utc('2026-11-05T08:00'),
        plannedFinish: utc('2026-11-05T09:00'),
      });
      // A manual task keeps the time it is given, even at night (a safety watch).
      const watch = await t.http
        .post('/api/tasks')
        .send({
          projectId: chain,
          title: '夜间安全巡查',
          crewId: world.crews.civil,
          schedulingMode: 'manual',
          plannedStart: local('2026-11-03T20:00'),
          plannedFinish: local('2026-11-03T22:00'),
        })
        .expect(201);
      expect(watch.body).toMatchObject({
        plannedStart: utc('2026-11-03T20:00'),
        plannedFinish: utc('2026-11-03T22:00'),
      });
    });

    it('refuses with 4xx and writes nothing when the engine cannot schedule the edit', async () => {
      const s1 = await world.read(task.S1);
      const audits = await auditCount();
      const refused = await t.http
        .patch(`/api/tasks/${task.S1}`)
        .send({ version: s1['version'], constraintType: 'start_no_earlier_than', constraintAt: '2250-01-01T00:00:00Z' })
        .expect(422);
      expect(refused.body).toMatchObject({ statusCode: 422, code: 'schedule_invalid' });
      expect(await world.read(task.S1)).toEqual(s1);
      expect(await auditCount()).toBe(audits);

      const tasks = Number((await t.dataSource.query('SELECT count(*) AS n FROM tasks'))[0].n);
      await t.http
        .post('/api/tasks')
        .send({
          projectId: chain,
          title: '远期任务',
          crewId: world.crews.civil,
          plannedStart: local('2026-11-02T08:00'),
          durationMinutes: 60,
          constraintType: 'must_start_on',
          constraintAt: '2250-01-01T00:00:00Z',
        })
        .expect(422);
      expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM tasks'))[0].n)).toBe(tasks);
    });

    it('leaves done and in-progress tasks where they happened', async () => {
      await recompute({ apply: true }, chain).expect(200);
      const s2 = await world.read(task.S2);
      await t.http
        .patch(`/api/tasks/${task.S2}`)
        .send({ version: s2['version'], status: 'in_progress', progress: 30 })
        .expect(200);
      const p = await world.read(task.P);
      await t.http
        .patch(`/api/tasks/${task.P}`)
        .send({ version: p['version'], plannedStart: local('2026-11-06T08:00') })
        .expect(200);
      // P Fri 08–12, +240 lag ends Friday's working time: S1 on Monday morning.
      expect((await span(task.S1))[0]).toBe(utc('2026-11-09T08:00'));
      expect(await span(task.S2)).toEqual([s2['plannedStart'], s2['plannedFinish'], (s2['version'] as number) + 1]);
      const body = await schedule(chain);
      expect(body.tasks.find((row: Json) => row['id'] === task.S2)).toMatchObject({ scheduledAs: 'manual' });
      expect(body.violations.map((v: Json) => v['taskId'])).toContain(task.S2);
    });

    it('serialises concurrent edits of one project: both apply, in some order, without deadlock', async () => {
      await t.http
        .patch(`/api/tasks/${task.S2}`)
        .send({ version: (await world.read(task.S2))['version'], status: 'planned' })
        .expect(200);
      await recompute({ apply: true }, chain).expect(200);
      const p = await world.read(task.P);
      const link = (await t.http.get(`/api/dependencies/${links.S1S2}`).expect(200)).body;
      const [moved, lagged] = await Promise.all([
        t.http.patch(`/api/tasks/${task.P}`).send({ version: p['version'], plannedStart: local('2026-11-09T08:00') }),
        t.http.patch(`/api/dependencies/${links.S1S2}`).send({ version: link.version, lagMinutes: 480 }),
      ]);
      expect([moved.status, lagged.status]).toEqual([200, 200]);
      // P Mon 08–12, +240 lag fills Monday afternoon: S1 Tue 08–12; +480 lag fills Tuesday afternoon
      // and Wednesday morning: S2 Wed 14–18. Either order of the two edits ends here.
      expect((await span(task.S1))[0]).toBe(utc('2026-11-10T08:00'));
      expect((await span(task.S2)).slice(0, 2)).toEqual([utc('2026-11-11T14:00'), utc('2026-11-11T18:00')]);
    });
  });
});

/** Waits until some backend of the test database waits for a row lock (the apply's UPDATE). */
async function waitForLockWait(t: TestApp): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const rows = await t.dataSource.query(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%UPDATE tasks AS t%'`,
    );
    if (Number(rows[0].n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the recompute never waited for the row lock');
}
