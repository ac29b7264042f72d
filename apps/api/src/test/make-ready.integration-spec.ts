import { Role } from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, SchedulingWorld } from './scheduling-world';

type Agent = Awaited<ReturnType<TestApp['as']>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ZONE = 'Asia/Shanghai';
/** Local date n days from now in Shanghai. */
const day = (n: number) => localDateOf(Date.now() + n * 86_400_000, ZONE);
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

/**
 * Make-ready over HTTP on the real database: constraints written by planners and cleared by
 * their owners (versions, access, bad input), readiness, the look-ahead window and filters,
 * and an agency's "what blocks my tasks" naming a constraint upstream in another department.
 *
 *   A 城建 dig (building, +2 d) → B 电力 cable (unit, +5 d) → C 移动 fibre (other compound, +9 d)
 *   D 电力 (+20 d), F 电力 (+60 d), E 电力 done (+3 d)
 */
describe('make-ready: constraints, readiness, look-ahead, agency blocks', () => {
  let t: TestApp;
  let w: SchedulingWorld;
  let project: string;
  const tasks: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string> = { a: '', b: '', c: '', d: '', e: '', f: '' };
  let coordinator: Agent;
  let otherCoordinator: Agent;
  let contractor: Agent;
  let powerAgency: Agent;
  let civilAgency: Agent;
  let viewer: Agent;
  /** The dig permit on A (owned by 城建) and the materials on B (owned by the crew lead). */
  let permit: Json;
  let materials: Json;

  const task = (title: string, department: string, crew: string, location: string, date: string, status?: string) =>
    w.task(project, title, {
      departmentId: department,
      crewId: crew,
      locationId: location,
      schedulingMode: 'manual',
      plannedStart: at(date, '08:00'),
      plannedFinish: at(date, '12:00'),
      ...(status ? { status } : {}),
    });
  const version = async (id: string) =>
    ((await coordinator.get(`/api/tasks/${tasksOf(id)}/constraints`).expect(200)).body as Json[]).find(
      (c) => c['id'] === id,
    )?.['version'];
  const owners: Record<string, string> = {};
  const tasksOf = (constraintId: string) => owners[constraintId];
  const add = async (agent: Agent, taskId: string, body: Json, status = 201) => {
    const response = await agent.post(`/api/tasks/${taskId}/constraints`).send(body).expect(status);
    if (status === 201) owners[response.body.id] = taskId;
    return response.body as Json;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildSchedulingWorld(t);
    project = await w.project('HPXC-MR');
    const { power, construction, telecom } = w.departments;
    tasks.a = await task('管沟开挖', construction, w.crews.civil, w.locations.building, day(2));
    tasks.b = await task('电缆敷设', power, w.crews.cable, w.locations.unit, day(5));
    tasks.c = await task('光缆割接', telecom, w.crews.fibre, w.locations.otherCompound, day(9));
    tasks.d = await task('表箱改接', power, w.crews.cable, w.locations.unit, day(20));
    tasks.f = await task('竣工验收', power, w.crews.cable, w.locations.unit, day(60));
    tasks.e = await task('旧线拆除', power, w.crews.cable, w.locations.unit, day(3), 'done');
    await w.link(tasks.a, tasks.b);
    await w.link(tasks.b, tasks.c);
    coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
    otherCoordinator = await t.as({ role: Role.Coordinator, projectIds: [] });
    contractor = await t.as({ role: Role.Contractor, crewIds: [w.crews.cable] });
    powerAgency = await t.as({ role: Role.Agency, departmentId: power });
    civilAgency = await t.as({ role: Role.Agency, departmentId: construction });
    viewer = await t.as({ role: Role.Viewer });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lets the project planners add constraints, and nobody else', async () => {
    permit = await add(coordinator, tasks.a, {
      kind: 'dig_permit',
      description: '掘路许可 第2026-118号',
      ownerDepartmentId: w.departments.construction,
      dueDate: day(1),
    });
    expect(permit).toMatchObject({
      projectId: project,
      taskId: tasks.a,
      kind: 'dig_permit',
      status: 'open',
      ownerDepartmentId: w.departments.construction,
      ownerUserId: null,
      ownerName: '和平区城建局',
      dueDate: day(1),
      clearedAt: null,
      version: 1,
    });
    materials = await add(t.http, tasks.b, {
      kind: 'materials',
      description: '电缆 YJV22',
      ownerUserId: contractor.userId,
    });
    expect(materials).toMatchObject({ ownerUserId: contractor.userId, ownerName: contractor.username, dueDate: null });

    for (const agent of [contractor, powerAgency, viewer]) {
      const refused = await agent.post(`/api/tasks/${tasks.b}/constraints`).send({ kind: 'other' }).expect(403);
      expect(refused.body.message).toMatch(/协调员和管理员/);
    }
    // A coordinator of another project does not see the task at all.
    await otherCoordinator.post(`/api/tasks/${tasks.b}/constraints`).send({ kind: 'other' }).expect(404);
    const listed = await contractor.get(`/api/tasks/${tasks.b}/constraints`).expect(200);
    expect(listed.body.map((c: Json) => c['id'])).toEqual([materials['id']]);
    await contractor.get(`/api/tasks/${tasks.a}/constraints`).expect(404);
    // The audit trail records the write like any other.
    const [audit] = await t.dataSource.query(`SELECT action, entity FROM audit_entries WHERE entity_id = $1`, [
      permit['id'],
    ]);
    expect(audit).toEqual({ action: 'create', entity: 'make-ready-constraint' });
  });

  it('answers bad input with a 400 naming the field, in the language asked', async () => {
    const bad = async (body: Json, field: string) => {
      const response = await coordinator
        .post(`/api/tasks/${tasks.b}/constraints`)
        .set('Accept-Language', 'en')
        .send(body)
        .expect(400);
      expect(response.body.problems.map((p: Json) => p['field'])).toContain(field);
      expect(response.body.message).toMatch(/\w/);
      return response.body;
    };
    await bad({ kind: 'weather' }, 'kind');
    await bad({}, 'kind');
    await bad({ kind: 'other', dueDate: '2026-02-30' }, 'dueDate');
    await bad({ kind: 'other', ownerDepartmentId: 'x' }, 'ownerDepartmentId');
    await bad({ kind: 'other', colour: 'red' }, 'colour');
    const both = await bad(
      { kind: 'other', ownerDepartmentId: w.departments.power, ownerUserId: contractor.userId },
      'ownerUserId',
    );
    expect(both.message).toBe('The owner is a department or a user, not both.');
    await bad({ kind: 'other', ownerDepartmentId: '00000000-0000-4000-8000-000000000001' }, 'ownerDepartmentId');
    await bad({ kind: 'other', ownerUserId: '00000000-0000-4000-8000-000000000001' }, 'ownerUserId');
    await bad({ kind: 'materials', announcementId: '00000000-0000-4000-8000-000000000001' }, 'announcementId');
    const zh = await coordinator
      .post(`/api/tasks/${tasks.b}/constraints`)
      .send({ kind: 'other', ownerDepartmentId: w.departments.power, ownerUserId: contractor.userId })
      .expect(400);
    expect(zh.body.message).toBe('负责方只能是一个部门或一个用户，不能同时指定。');
    await coordinator.get('/api/tasks/not-a-uuid/constraints').expect(400);
  });

  it('changes a constraint only at the version read', async () => {
    const stale = await coordinator
      .patch(`/api/constraints/${permit['id']}`)
      .send({ version: 9, dueDate: day(2) })
      .expect(409);
    expect(stale.body.code).toBe('version_conflict');
    const changed = await coordinator
      .patch(`/api/constraints/${permit['id']}`)
      .send({ version: 1, dueDate: day(2), description: '掘路许可 第2026-119号' })
      .expect(200);
    expect(changed.body).toMatchObject({ version: 2, dueDate: day(2), description: '掘路许可 第2026-119号' });
    // Naming a user as owner replaces the department; back to the department again.
    const toUser = await coordinator
      .patch(`/api/constraints/${permit['id']}`)
      .send({ version: 2, ownerUserId: contractor.userId })
      .expect(200);
    expect(toUser.body).toMatchObject({ ownerUserId: contractor.userId, ownerDepartmentId: null });
    const back = await coordinator
      .patch(`/api/constraints/${permit['id']}`)
      .send({ version: 3, ownerDepartmentId: w.departments.construction })
      .expect(200);
    expect(back.body).toMatchObject({ ownerDepartmentId: w.departments.construction, ownerUserId: null, version: 4 });
    permit = back.body;
    await contractor
      .patch(`/api/constraints/${permit['id']}`)
      .send({ version: 4, dueDate: day(3) })
      .expect(404);
    await powerAgency
      .patch(`/api/constraints/${permit['id']}`)
      .send({ version: 4, dueDate: day(3) })
      .expect(403);
    await coordinator
      .patch(`/api/constraints/${permit['id']}`)
      .send({ dueDate: day(3) })
      .expect(400);
  });

  it('is cleared and reopened by the planners or the owner, who and when recorded', async () => {
    // The power agency reads A (linked to its B) but owns nothing on it.
    const refused = await powerAgency.post(`/api/constraints/${permit['id']}/clear`).send({ version: 4 }).expect(403);
    expect(refused.body.message).toMatch(/负责人/);
    await contractor.post(`/api/constraints/${permit['id']}/clear`).send({ version: 4 }).expect(404);
    await civilAgency.post(`/api/constraints/${permit['id']}/clear`).send({ version: 3 }).expect(409);
    const cleared = await civilAgency.post(`/api/constraints/${permit['id']}/clear`).send({ version: 4 }).expect(200);
    expect(cleared.body).toMatchObject({ status: 'cleared', clearedByName: civilAgency.username, version: 5 });
    expect(Date.parse(cleared.body.clearedAt)).toBeGreaterThan(Date.now() - 60_000);
    const again = await civilAgency.post(`/api/constraints/${permit['id']}/clear`).send({ version: 5 }).expect(409);
    expect(again.body.code).toBe('make_ready_already_cleared');
    await coordinator.post(`/api/constraints/${permit['id']}/reopen`).send({ version: 4 }).expect(409);
    const reopened = await coordinator.post(`/api/constraints/${permit['id']}/reopen`).send({ version: 5 }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'open', clearedAt: null, clearedByName: null, version: 6 });
    permit = reopened.body;
    // The owner user (the crew lead) clears the materials on its own task.
    const done = await contractor
      .post(`/api/constraints/${materials['id']}/clear`)
      .send({ version: materials['version'] })
      .expect(200);
    expect(done.body.status).toBe('cleared');
    await viewer.post(`/api/constraints/${materials['id']}/reopen`).send({ version: 2 }).expect(403);
    materials = done.body;
  });

  it("names whom a planner may make owner: the project's coordinators, crew leads and agency users", async () => {
    const idle = await t.as({ role: Role.Contractor, crewIds: [] });
    const path = `/api/projects/${project}/constraint-owners`;
    const listed = (await coordinator.get(path).expect(200)).body as Json[];
    const byId = new Map(listed.map((u) => [u['id'], u]));
    expect(byId.get(coordinator.userId)).toMatchObject({ role: 'coordinator', crews: [], departmentName: null });
    // The crew lead, with the crew that works in the project.
    expect(byId.get(contractor.userId)).toMatchObject({
      role: 'contractor',
      crews: ['电缆一班'],
      departmentName: null,
    });
    expect(byId.get(powerAgency.userId)).toMatchObject({ role: 'agency', departmentName: expect.any(String) });
    expect(byId.has(civilAgency.userId)).toBe(true);
    // Not of this project: the other coordinator, a lead whose crews have no task here, the viewer.
    for (const other of [otherCoordinator, idle, viewer]) expect(byId.has(other.userId)).toBe(false);
    // Only the project's planners ask (403), and a project one may not see is missing (404).
    const refused = await contractor.get(path).expect(403);
    expect(refused.body.message).toMatch(/协调员|管理员/);
    await otherCoordinator.get(path).expect(404);
    await coordinator.get('/api/projects/not-a-uuid/constraint-owners').expect(400);
  });

  it('deletes a constraint (planners, at the version read)', async () => {
    const spare = await add(coordinator, tasks.c, { kind: 'escort', description: '派出所护送' });
    await coordinator.delete(`/api/constraints/${spare['id']}`).expect(400);
    await coordinator.delete(`/api/constraints/${spare['id']}?version=2`).expect(409);
    await viewer.delete(`/api/constraints/${spare['id']}?version=1`).expect(403);
    await contractor.delete(`/api/constraints/${spare['id']}?version=1`).expect(404);
    await coordinator.delete(`/api/constraints/${spare['id']}?version=1`).expect(204);
    await coordinator.delete(`/api/constraints/${spare['id']}?version=1`).expect(404);
    expect((await coordinator.get(`/api/tasks/${tasks.c}/constraints`).expect(200)).body).toEqual([]);
    expect(await version(materials['id'])).toBe(2);
  });

  it('tells which tasks have constraints and whether they are ready', async () => {
    await add(coordinator, tasks.d, {
      kind: 'outage_approval',
      ownerDepartmentId: w.departments.power,
      dueDate: day(15),
    });
    const all = await coordinator.get(`/api/projects/${project}/readiness`).expect(200);
    const byTask = Object.fromEntries(all.body.tasks.map((r: Json) => [r['taskId'], r]));
    expect(Object.keys(byTask).sort()).toEqual([tasks.a, tasks.b, tasks.d].sort());
    expect(byTask[tasks.a]).toEqual({ taskId: tasks.a, ready: false, openConstraints: 1, nextDue: day(2) });
    expect(byTask[tasks.b]).toEqual({ taskId: tasks.b, ready: true, openConstraints: 0, nextDue: null });
    const window = await coordinator
      .get(`/api/projects/${project}/readiness`)
      .query({ from: day(4), to: day(10) })
      .expect(200);
    expect(window.body.tasks.map((r: Json) => r['taskId'])).toEqual([tasks.b]);
    await coordinator.get(`/api/projects/${project}/readiness`).query({ from: 'tomorrow' }).expect(400);
    await otherCoordinator.get(`/api/projects/${project}/readiness`).expect(404);
    // A crew lead sees only its own tasks' readiness.
    const lead = await contractor.get(`/api/projects/${project}/readiness`).expect(200);
    expect(lead.body.tasks.map((r: Json) => r['taskId']).sort()).toEqual([tasks.b, tasks.d].sort());
    // With constraints=open, a task that is not ready says what it waits for (its open ones only).
    const open = await contractor.get(`/api/projects/${project}/readiness?constraints=open`).expect(200);
    const leadTasks = Object.fromEntries(open.body.tasks.map((r: Json) => [r['taskId'], r]));
    expect(leadTasks[tasks.b]).toEqual({ taskId: tasks.b, ready: true, openConstraints: 0, nextDue: null });
    expect(
      leadTasks[tasks.d]['constraints'].map((c: Json) => [c['kind'], c['status'], c['ownerDepartmentId']]),
    ).toEqual([['outage_approval', 'open', w.departments.power]]);
    await contractor.get(`/api/projects/${project}/readiness?constraints=all`).expect(400);
  });

  it('lists the coming weeks by planned start with readiness, constraints and owners, filtered', async () => {
    const ids = (body: Json) => body['rows'].map((r: Json) => r['task']['id']);
    const six = (await coordinator.get(`/api/projects/${project}/look-ahead`).expect(200)).body;
    expect(six).toMatchObject({ projectId: project, from: day(0), weeks: 6, counts: { ready: 2, notReady: 2 } });
    expect(ids(six)).toEqual([tasks.a, tasks.b, tasks.c, tasks.d]);
    const a = six.rows[0];
    expect(a).toMatchObject({
      ready: false,
      task: { code: expect.any(Number), name: '管沟开挖', departmentId: w.departments.construction, status: 'planned' },
      constraints: [{ kind: 'dig_permit', ownerName: '和平区城建局', dueDate: day(2), status: 'open' }],
    });
    expect(six.rows[1]).toMatchObject({ ready: true, constraints: [{ kind: 'materials', status: 'cleared' }] });
    const two = (await coordinator.get(`/api/projects/${project}/look-ahead`).query({ weeks: 2 }).expect(200)).body;
    expect(ids(two)).toEqual([tasks.a, tasks.b, tasks.c]);
    expect(two.to).toBe(day(13));
    const later = await coordinator
      .get(`/api/projects/${project}/look-ahead`)
      .query({ weeks: 2, from: day(7) })
      .expect(200);
    expect(ids(later.body)).toEqual([tasks.c, tasks.d]);
    const inCompound = await coordinator
      .get(`/api/projects/${project}/look-ahead`)
      .query({ locationId: w.locations.compound })
      .expect(200);
    expect(ids(inCompound.body)).toEqual([tasks.a, tasks.b, tasks.d]);
    const power = await coordinator
      .get(`/api/projects/${project}/look-ahead`)
      .query({ departmentId: w.departments.power })
      .expect(200);
    expect(ids(power.body)).toEqual([tasks.b, tasks.d]);
    const fibre = await coordinator
      .get(`/api/projects/${project}/look-ahead`)
      .query({ crewId: w.crews.fibre })
      .expect(200);
    expect(ids(fibre.body)).toEqual([tasks.c]);
    // An agency sees its own tasks and those linked to them (as everywhere).
    const agency = (await powerAgency.get(`/api/projects/${project}/look-ahead`).expect(200)).body;
    expect(ids(agency)).toEqual([tasks.a, tasks.b, tasks.c, tasks.d]);
    expect(ids((await contractor.get(`/api/projects/${project}/look-ahead`).expect(200)).body)).toEqual([
      tasks.b,
      tasks.d,
    ]);
    for (const query of [{ weeks: 7 }, { weeks: 1 }, { weeks: 'six' }, { from: '2026-13-01' }, { locationId: 'x' }]) {
      await coordinator.get(`/api/projects/${project}/look-ahead`).query(query).expect(400);
    }
    await otherCoordinator.get(`/api/projects/${project}/look-ahead`).expect(404);
  });

  it("answers a look-ahead again until a task, a constraint, an owner's name or a place it shows changes", async () => {
    const lookAhead = async () => (await coordinator.get(`/api/projects/${project}/look-ahead`).expect(200)).body;
    const rowOf = (body: Json, taskId: string) => body['rows'].find((r: Json) => r['task']['id'] === taskId);
    const first = await lookAhead();
    expect(await lookAhead()).toEqual(first);
    // Each change shows at once, whatever was kept.
    const taskVersion = (await t.http.get(`/api/tasks/${tasks.a}`).expect(200)).body.version;
    await t.http.patch(`/api/tasks/${tasks.a}`).send({ version: taskVersion, title: '管沟开挖（一段）' }).expect(200);
    expect(rowOf(await lookAhead(), tasks.a).task.name).toBe('管沟开挖（一段）');
    const permitVersion = await version(permit['id']);
    await coordinator
      .patch(`/api/constraints/${permit['id']}`)
      .send({ version: permitVersion, description: '掘路许可 第2026-120号' })
      .expect(200);
    expect(rowOf(await lookAhead(), tasks.a).constraints[0].description).toBe('掘路许可 第2026-120号');
    const department = (await t.http.get(`/api/departments/${w.departments.construction}`).expect(200)).body;
    await t.http
      .patch(`/api/departments/${w.departments.construction}`)
      .send({ version: department.version, name: '和平区城建局（新）' })
      .expect(200);
    expect(rowOf(await lookAhead(), tasks.a).constraints[0].ownerName).toBe('和平区城建局（新）');
    await t.http
      .patch(`/api/departments/${w.departments.construction}`)
      .send({ version: department.version + 1, name: department.name })
      .expect(200);
    await t.http
      .patch(`/api/tasks/${tasks.a}`)
      .send({ version: taskVersion + 1, title: '管沟开挖' })
      .expect(200);
    await coordinator
      .patch(`/api/constraints/${permit['id']}`)
      .send({ version: permitVersion + 1, description: rowOf(first, tasks.a).constraints[0].description })
      .expect(200);
    expect(rowOf(await lookAhead(), tasks.a)).toMatchObject({
      task: { name: '管沟开挖' },
      constraints: [{ description: '掘路许可 第2026-119号', ownerName: department.name }],
    });
    // A building moved to another compound: the compound's look-ahead lists its tasks at once.
    const inOther = async () =>
      (
        await coordinator
          .get(`/api/projects/${project}/look-ahead`)
          .query({ locationId: w.locations.otherCompound })
          .expect(200)
      ).body['rows'].map((r: Json) => r['task']['id']);
    expect(await inOther()).toEqual([tasks.c]);
    const building = (await t.http.get(`/api/locations/${w.locations.building}`).expect(200)).body;
    const move = (version: number, parentId: string) =>
      t.http.patch(`/api/locations/${w.locations.building}`).send({ version, parentId }).expect(200);
    await move(building.version, w.locations.otherCompound);
    expect(await inOther()).toEqual([tasks.a, tasks.b, tasks.c, tasks.d]);
    await move(building.version + 1, w.locations.compound);
    // A crew lead is answered its own tasks, never what was kept for the coordinator.
    expect((await contractor.get(`/api/projects/${project}/look-ahead`).expect(200)).body.rows).toHaveLength(2);
  });

  it("names the open constraints upstream of an agency's tasks, in other departments too, each once", async () => {
    const held = (body: Json) =>
      body['rows'].map((r: Json) => [r['constraint']['kind'], r['tasks'].map((t: Json) => t['id'])]);
    const power = (await powerAgency.get('/api/agency/blocks').expect(200)).body;
    expect(power.departmentId).toBe(w.departments.power);
    // B's own materials are cleared; what blocks it is 城建's dig permit on A, upstream. D has its own.
    expect(held(power)).toEqual([
      ['dig_permit', [tasks.b]],
      ['outage_approval', [tasks.d]],
    ]);
    expect(power.rows[0]).toEqual({
      constraint: expect.objectContaining({ id: permit['id'], ownerName: '和平区城建局', dueDate: day(2) }),
      onTask: { id: tasks.a, code: expect.any(Number), name: '管沟开挖', departmentId: w.departments.construction },
      tasks: [expect.objectContaining({ id: tasks.b, name: '电缆敷设', departmentId: w.departments.power })],
    });
    // D waits for A too: the permit is listed once, with both tasks it holds back (by planned start).
    const link = await w.link(tasks.a, tasks.d);
    const both = (await powerAgency.get('/api/agency/blocks').expect(200)).body;
    expect(held(both)).toEqual([
      ['dig_permit', [tasks.b, tasks.d]],
      ['outage_approval', [tasks.d]],
    ]);
    await t.http.delete(`/api/dependencies/${link}`).expect(204);
    // Transitively: telecom's C waits for B, which waits for A.
    const telecom = await coordinator
      .get('/api/agency/blocks')
      .query({ departmentId: w.departments.telecom, weeks: 2 })
      .expect(200);
    expect(telecom.body.rows.map((r: Json) => [r['onTask']['id'], r['tasks'].map((t: Json) => t['id'])])).toEqual([
      [tasks.a, [tasks.c]],
    ]);
    await coordinator.get('/api/agency/blocks').expect(400);
    await powerAgency.get('/api/agency/blocks').query({ departmentId: w.departments.telecom }).expect(403);
    await contractor.get('/api/agency/blocks').expect(403);
    await powerAgency.get('/api/agency/blocks').query({ weeks: 9 }).expect(400);
    // Work that is done waits for nothing: the walk stops at a done task.
    const a = await w.read(tasks.a);
    await t.http
      .patch(`/api/tasks/${tasks.a}`)
      .send({ version: a['version'], status: 'done', progress: 100 })
      .expect(200);
    const after = (await powerAgency.get('/api/agency/blocks').expect(200)).body;
    expect(held(after)).toEqual([['outage_approval', [tasks.d]]]);
  });

  it("links a 'residents told' constraint to the task's announcement", async () => {
    const cut = await w.task(project, '电缆割接停电', {
      departmentId: w.departments.power,
      crewId: w.crews.cable,
      locationId: w.locations.unit,
      schedulingMode: 'manual',
      plannedStart: at(day(12), '08:00'),
      plannedFinish: at(day(12), '12:00'),
      interruptionKind: 'power',
      interruptionStartsAt: at(day(12), '08:00'),
      interruptionEndsAt: at(day(12), '12:00'),
      interruptionLocationIds: [w.locations.building],
    });
    const told = await add(coordinator, cut, { kind: 'residents_told', ownerUserId: coordinator.userId });
    const announcements = (await coordinator.get(`/api/projects/${project}/announcements`).expect(200)).body.items;
    const own = announcements.find((item: Json) => item['taskId'] === cut);
    expect(told['announcementId']).toBe(own.id);
    const plain = await add(coordinator, tasks.c, { kind: 'residents_told' });
    expect(plain['announcementId']).toBeNull();
  });

  it("keeps the project's not-ready policy, set by its planners", async () => {
    const read = (await coordinator.get(`/api/projects/${project}`).expect(200)).body;
    expect(read.notReadyPolicy).toBe('mark');
    await coordinator
      .patch(`/api/projects/${project}`)
      .send({ version: read.version, notReadyPolicy: 'skip' })
      .expect(400);
    await contractor
      .patch(`/api/projects/${project}`)
      .send({ version: read.version, notReadyPolicy: 'hold' })
      .expect(403);
    const held = await coordinator
      .patch(`/api/projects/${project}`)
      .send({ version: read.version, notReadyPolicy: 'hold' })
      .expect(200);
    expect(held.body.notReadyPolicy).toBe('hold');
  });
});
