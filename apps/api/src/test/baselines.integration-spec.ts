import { Role } from '@worksite/shared-domain';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld, utc } from './scheduling-world';

type Json = Record<string, unknown>;
type Agent = Awaited<ReturnType<TestApp['as']>>;

/**
 * A project on the noon-break calendar (Mon–Fri 08–12, 14–18; Wednesday 2026-11-04 off):
 * P 电缆 Monday 2026-11-02 08–12 → Q 光缆 (FS) and R 沟槽 on its own crew.
 */
describe('baselines over HTTP', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let ids: Record<'p' | 'q' | 'r', string>;
  let coordinator: Agent;

  const moveTo = async (id: string, start: string) => {
    const { version } = await world.read(id);
    await t.http
      .patch(`/api/tasks/${id}`)
      .send({ plannedStart: local(start), version })
      .expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-BASELINE');
    const { crews } = world;
    ids = {
      p: await world.task(project, 'P 电缆敷设', {
        crewId: crews.cable,
        plannedStart: local('2026-11-02T08:00'),
        durationMinutes: 240,
      }),
      q: await world.task(project, 'Q 光缆穿管', {
        crewId: crews.fibre,
        plannedStart: local('2026-11-02T08:00'),
        durationMinutes: 240,
      }),
      r: await world.task(project, 'R 沟槽开挖', {
        crewId: crews.civil,
        plannedStart: local('2026-11-02T14:00'),
        durationMinutes: 240,
      }),
    };
    await world.link(ids.p, ids.q);
    coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it("saves a snapshot of every task's planned dates, with who and when, and lists it", async () => {
    const created = await coordinator.post(`/api/projects/${project}/baselines`).send({ name: '开工基线' }).expect(201);
    expect(created.body).toMatchObject({
      name: '开工基线',
      taskCount: 3,
      createdById: coordinator.userId,
      createdByName: coordinator.username,
    });
    const detail = await coordinator.get(`/api/projects/${project}/baselines/${created.body.id}`).expect(200);
    expect(detail.body.tasks).toEqual(
      expect.arrayContaining([
        {
          taskId: ids.q,
          title: 'Q 光缆穿管',
          plannedStart: utc('2026-11-02T14:00'),
          plannedFinish: utc('2026-11-02T18:00'),
          durationMinutes: 240,
        },
      ]),
    );
    const list = await coordinator.get(`/api/projects/${project}/baselines`).expect(200);
    expect(list.body.items.map((b: Json) => b['name'])).toEqual(['开工基线']);
    // Names are unique per project.
    const again = await coordinator.post(`/api/projects/${project}/baselines`).send({ name: '开工基线' });
    expect(again.status).toBe(409);
    await coordinator.post(`/api/projects/${project}/baselines`).send({ name: '  ' }).expect(400);
  });

  it('keeps the snapshot when the plan moves, and compares it with the current plan in working days', async () => {
    const [baseline] = (await coordinator.get(`/api/projects/${project}/baselines`).expect(200)).body.items as Json[];
    // P one working day later: Tuesday; Q follows it to Tuesday afternoon. R stays.
    await moveTo(ids.p, '2026-11-03T08:00');
    const detail = await coordinator.get(`/api/projects/${project}/baselines/${baseline['id']}`).expect(200);
    expect(detail.body.tasks.find((task: Json) => task['taskId'] === ids.p)).toMatchObject({
      plannedStart: utc('2026-11-02T08:00'),
    });
    const compared = await coordinator.get(`/api/projects/${project}/baselines/${baseline['id']}/compare`).expect(200);
    expect(compared.body).toMatchObject({ with: null, unchanged: 1 });
    expect(compared.body.items).toEqual([
      expect.objectContaining({
        taskId: ids.p,
        startSlipDays: 1,
        finishSlipDays: 1,
        before: expect.objectContaining({ plannedFinish: utc('2026-11-02T12:00') }),
        after: expect.objectContaining({ plannedFinish: utc('2026-11-03T12:00') }),
      }),
      expect.objectContaining({ taskId: ids.q, finishSlipDays: 1 }),
    ]);

    // Thursday, over the Wednesday holiday: still one more working day for P.
    await moveTo(ids.p, '2026-11-05T08:00');
    const second = await coordinator.post(`/api/projects/${project}/baselines`).send({ name: '第二版' }).expect(201);
    const between = await coordinator
      .get(`/api/projects/${project}/baselines/${baseline['id']}/compare?with=${second.body.id}`)
      .expect(200);
    expect(between.body.with).toMatchObject({ name: '第二版' });
    expect(between.body.items.find((item: Json) => item['taskId'] === ids.p)).toMatchObject({ finishSlipDays: 2 });
  });

  it('lists a task deleted or created since on one side only, without a slip', async () => {
    const [latest] = (await coordinator.get(`/api/projects/${project}/baselines`).expect(200)).body.items as Json[];
    await t.http.delete(`/api/tasks/${ids.r}`).expect(204);
    const added = await world.task(project, 'S 表箱改接', {
      crewId: world.crews.cable,
      plannedStart: local('2026-11-09T08:00'),
      durationMinutes: 120,
    });
    const compared = await coordinator.get(`/api/projects/${project}/baselines/${latest['id']}/compare`).expect(200);
    expect(compared.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ taskId: ids.r, title: 'R 沟槽开挖', after: null, finishSlipDays: null }),
        expect.objectContaining({ taskId: added, before: null, startSlipDays: null }),
      ]),
    );
    await coordinator.get(`/api/projects/${project}/baselines/${latest['id']}/compare?with=yesterday`).expect(400);
    const missing = await coordinator.get(
      `/api/projects/${project}/baselines/${latest['id']}/compare?with=6f1c1c3e-4c51-4b1e-9d7e-000000000000`,
    );
    expect(missing.status).toBe(404);
  });

  it('lets planners save and delete, whoever sees the project read, and shows each user only their tasks', async () => {
    const fibreLead = await t.as({ role: Role.Contractor, crewIds: [world.crews.fibre] });
    const viewer = await t.as({ role: Role.Viewer });
    const stranger = await t.as({ role: Role.Coordinator, projectIds: [] });
    await fibreLead.post(`/api/projects/${project}/baselines`).send({ name: '班组基线' }).expect(403);
    await viewer.post(`/api/projects/${project}/baselines`).send({ name: '观察基线' }).expect(403);
    await stranger.post(`/api/projects/${project}/baselines`).send({ name: '外人基线' }).expect(404);
    const [baseline] = (await fibreLead.get(`/api/projects/${project}/baselines`).expect(200)).body.items as Json[];
    const seen = await fibreLead.get(`/api/projects/${project}/baselines/${baseline['id']}`).expect(200);
    expect(seen.body.tasks.map((task: Json) => task['taskId'])).toEqual([ids.q]);
    const compared = await fibreLead.get(`/api/projects/${project}/baselines/${baseline['id']}/compare`).expect(200);
    expect(compared.body.items.every((item: Json) => item['taskId'] === ids.q)).toBe(true);

    await viewer.delete(`/api/projects/${project}/baselines/${baseline['id']}`).expect(403);
    await coordinator.delete(`/api/projects/${project}/baselines/${baseline['id']}`).expect(204);
    await coordinator.get(`/api/projects/${project}/baselines/${baseline['id']}`).expect(404);
    const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM baseline_tasks WHERE baseline_id = $1', [
      baseline['id'],
    ]);
    expect(rows[0].n).toBe(0);
    const [audit] = await t.dataSource.query(
      "SELECT action FROM audit_entries WHERE entity = 'baseline' AND entity_id = $1 ORDER BY at DESC LIMIT 1",
      [baseline['id']],
    );
    expect(audit.action).toBe('delete');
  });
});
