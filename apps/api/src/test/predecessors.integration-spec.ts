import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { Role } from '@worksite/shared-domain';
import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld, utc } from './scheduling-world';

type Json = Record<string, unknown>;
type Agent = Awaited<ReturnType<TestApp['as']>>;

/**
 * PUT /api/tasks/:id/predecessors: the table's predecessors column in one write — links by id
 * or code, created, changed and removed in one transaction, one scheduling pass, one change set.
 * Monday 2026-11-09 on the noon-break calendar (08–12, 14–18).
 */
describe("replacing a task's predecessors (PUT /api/tasks/:id/predecessors)", () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let planner: Agent;
  let A: string;
  let B: string;
  let C: string;
  let D: string;
  let E: string;
  const code = async (id: string) => (await world.read(id))['code'] as number;
  const put = (id: string, predecessors: Json[], changeSet = randomUUID()) =>
    planner.put(`/api/tasks/${id}/predecessors`).set('X-Change-Set', changeSet).send({ predecessors });
  const incoming = async (id: string) =>
    ((await t.http.get(`/api/dependencies?successorId=${id}`).expect(200)).body.items as Json[])
      .map((link) => [link['predecessorId'], link['type'], link['lagMinutes']])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-PRED');
    planner = await t.as({ role: Role.Coordinator, projectIds: [project] });
    const morning = { plannedStart: local('2026-11-09T08:00'), durationMinutes: 240 };
    A = await world.task(project, 'A 电缆沟开挖', { ...morning, crewId: world.crews.civil });
    B = await world.task(project, 'B 电缆敷设', { ...morning, crewId: world.crews.cable });
    C = await world.task(project, 'C 表箱改接', { ...morning, crewId: world.crews.cable });
    D = await world.task(project, 'D 光缆穿管', { ...morning, crewId: world.crews.fibre });
    E = await world.task(project, 'E 路面恢复', { ...morning, crewId: world.crews.civil });
    await world.link(D, E);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('creates links by code and by id in one pass, pushing the task and what follows it', async () => {
    // One scheduling pass for both links: the network read twice (the task and the task right
    // after it, which moves, then the tasks after that one: none).
    const network = t.app.get(ProjectNetworkService);
    const loads = [jest.spyOn(network, 'load'), jest.spyOn(network, 'loadDownstream')];
    const changeSet = randomUUID();
    const response = await put(
      D,
      [
        { code: await code(A), type: 'FS', lagMinutes: 60 },
        { predecessorId: B, type: 'SS' },
      ],
      changeSet,
    ).expect(200);
    expect(loads.reduce((calls, spy) => calls + spy.mock.calls.length, 0)).toBe(2);
    loads.forEach((spy) => spy.mockRestore());
    expect(response.body).toMatchObject({ taskId: D, created: 2, updated: 0, removed: 0, pushed: 1 });
    expect((response.body.dependencies as Json[]).map((link) => link['predecessorId'])).toEqual([A, B]);
    expect(await incoming(D)).toEqual(
      [
        [A, 'FS', 60],
        [B, 'SS', 0],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // A ends at 12:00, + 1 working hour over the noon break: D starts at 15:00, E after it.
    expect(await world.read(D)).toMatchObject({ plannedStart: utc('2026-11-09T15:00') });
    expect((await world.read(E))['plannedStart']).not.toBe(utc('2026-11-09T08:00'));
    const audit: { entity: string; action: string }[] = await t.dataSource.query(
      'SELECT entity, action FROM audit_entries WHERE change_set_id = $1 ORDER BY entity, action',
      [changeSet],
    );
    expect(audit.filter((row) => row.entity === 'dependency').map((row) => row.action)).toEqual(['create', 'create']);
  });

  it('replaces the list in one change set (update, create, remove), which one undo takes back', async () => {
    const before = await incoming(D);
    const dates = async () => Promise.all([D, E].map(async (id) => (await world.read(id))['plannedStart']));
    const datesBefore = await dates();
    const changeSet = randomUUID();
    const response = await put(
      D,
      [{ code: await code(A) }, { code: await code(C), lagMinutes: 480 }],
      changeSet,
    ).expect(200);
    expect(response.body).toMatchObject({ created: 1, updated: 1, removed: 1 });
    expect(await incoming(D)).toEqual(
      [
        [A, 'FS', 0],
        [C, 'FS', 480],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // C ends Monday 12:00 + one working day: D starts Tuesday 12:00 → 14:00 after the break.
    expect(await world.read(D)).toMatchObject({ plannedStart: utc('2026-11-10T14:00') });

    await planner.post(`/api/change-sets/${changeSet}/undo`).expect(200);
    expect(await incoming(D)).toEqual(before);
    // Links and dates back: the tasks the edit pushed return too (they were in its change set).
    expect(await dates()).toEqual(datesBefore);
  });

  it('writes only over the links the client saw: a link changed meanwhile is a 409 and nothing is written', async () => {
    const links = async () =>
      (await t.http.get(`/api/dependencies?successorId=${E}`).expect(200)).body.items as {
        id: string;
        version: number;
      }[];
    const seen = (await links()).map(({ id, version }) => ({ id, version }));
    const asSeen = (predecessors: Json[]) =>
      planner.put(`/api/tasks/${E}/predecessors`).set('accept-language', 'zh-CN').send({ predecessors, seen });

    // Someone else gives the link a lag after this client read it.
    await t.http
      .patch(`/api/dependencies/${seen[0].id}`)
      .send({ version: seen[0].version, lagMinutes: 60 })
      .expect(200);
    const before = await incoming(E);
    const refused = await asSeen([{ predecessorId: D }, { predecessorId: A }]).expect(409);
    expect(refused.body).toMatchObject({ code: 'predecessors_changed' });
    expect(refused.body.message).toContain('E 路面恢复');
    expect(await incoming(E)).toEqual(before);

    // Read again, the same edit goes through.
    const fresh = (await links()).map(({ id, version }) => ({ id, version }));
    await planner
      .put(`/api/tasks/${E}/predecessors`)
      .send({ predecessors: [{ predecessorId: D }, { predecessorId: A }], seen: fresh })
      .expect(200);
    expect((await incoming(E)).map(([id]) => id)).toEqual([A, D].sort((a, b) => a.localeCompare(b)));
  });

  it('refuses a link that would close a cycle, naming the tasks, and writes nothing', async () => {
    const before = await incoming(D);
    const audits = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entries');
    const response = await put(D, [{ code: await code(A) }, { predecessorId: E }]).expect(422);
    expect(response.body).toMatchObject({ code: 'dependency_cycle' });
    expect(response.body.message).toContain('D 光缆穿管 → E 路面恢复 → D 光缆穿管');
    expect(response.body.cycle.map((task: Json) => task['id'])).toEqual([D, E]);
    expect(await incoming(D)).toEqual(before);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entries')).toEqual(audits);
  });

  it('answers 400 listing each bad item: unknown code, id and code both, the task itself, a predecessor twice', async () => {
    const before = await incoming(D);
    const response = await planner
      .put(`/api/tasks/${D}/predecessors`)
      .set('Accept-Language', 'en')
      .send({
        predecessors: [
          { code: 9999 },
          { code: await code(A), predecessorId: A },
          { predecessorId: D },
          { code: await code(B) },
          { predecessorId: B },
        ],
      })
      .expect(400);
    // The reference rule first (item 1); then each lookup problem.
    expect(response.body.problems).toEqual([
      { field: 'predecessors.1', messages: [expect.stringContaining('predecessorId or code')] },
    ]);
    const lookups = await planner
      .put(`/api/tasks/${D}/predecessors`)
      .set('Accept-Language', 'en')
      .send({ predecessors: [{ code: 9999 }, { predecessorId: D }, { code: await code(B) }, { predecessorId: B }] })
      .expect(400);
    expect(lookups.body.problems).toEqual([
      { field: 'predecessors.0.code', messages: [expect.stringContaining('9999')] },
      { field: 'predecessors.1', messages: [expect.stringContaining('own predecessor')] },
      { field: 'predecessors.3', messages: [expect.stringContaining('more than once')] },
    ]);
    const zh = await planner
      .put(`/api/tasks/${D}/predecessors`)
      .send({ predecessors: [{ code: 9999, type: 'XX' }] })
      .expect(400);
    expect(zh.body.problems[0].field).toMatch(/^predecessors\.0/);
    await planner.put(`/api/tasks/${D}/predecessors`).send({}).expect(400);
    expect(await incoming(D)).toEqual(before);
  });

  it('lets only the planners of the project replace them', async () => {
    const viewer = await t.as({ role: Role.Viewer });
    await viewer.put(`/api/tasks/${D}/predecessors`).send({ predecessors: [] }).expect(403);
    const other = await t.as({ role: Role.Coordinator, projectIds: [] });
    const status = (await other.put(`/api/tasks/${D}/predecessors`).send({ predecessors: [] })).status;
    expect([403, 404]).toContain(status);
    await planner.put(`/api/tasks/${randomUUID()}/predecessors`).send({ predecessors: [] }).expect(404);
    // [] removes every predecessor.
    const cleared = await put(D, []).expect(200);
    expect(cleared.body).toMatchObject({ removed: 2, dependencies: [] });
  });
});
