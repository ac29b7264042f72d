import { Role } from '@worksite/shared-domain';
import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld } from './scheduling-world';

type Json = Record<string, unknown>;
type Agent = Awaited<ReturnType<TestApp['as']>>;

/**
 * Monday 2026-11-16 at 和平新村 1号楼: A (电缆一班, 08–12) and B (光缆一班, 10–12) are two crews
 * in one building at once — a location clash the coordinator decides on.
 */
describe('conflict decisions over HTTP', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let otherProject: string;
  let a: string;
  let b: string;
  let coordinator: Agent;

  const clashOf = async (agent: Agent | TestApp['http'] = coordinator): Promise<Json> => {
    const items = (await agent.get(`/api/projects/${project}/conflicts?from=2026-11-16&to=2026-11-16`).expect(200)).body
      .items as Json[];
    const clash = items.find((item) => item['kind'] === 'location-clash');
    if (!clash) throw new Error(`no location clash in ${JSON.stringify(items)}`);
    return clash;
  };
  const versionsOf = (clash: Json) =>
    Object.fromEntries((clash['taskIds'] as string[]).map((id, i) => [id, (clash['taskVersions'] as number[])[i]]));
  const decide = async (body: Json, agent: Agent = coordinator) => {
    const clash = await clashOf();
    return agent
      .post(`/api/projects/${project}/conflict-decisions`)
      .send({ key: clash['key'], taskVersions: versionsOf(clash), ...body });
  };
  const history = async (key: string, agent: Agent | TestApp['http'] = coordinator) =>
    (await agent.get(`/api/projects/${project}/conflict-decisions`).query({ key }).expect(200)).body.items as Json[];
  const rows = async () =>
    Number((await t.dataSource.query('SELECT count(*)::int AS n FROM conflict_decisions'))[0].n as number);
  const patchTask = async (id: string, fields: Json) => {
    const { version } = await world.read(id);
    await t.http
      .patch(`/api/tasks/${id}`)
      .send({ ...fields, version })
      .expect(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-DECIDE');
    otherProject = await world.project('HPXC-DECIDE-2');
    const manual = { schedulingMode: 'manual' };
    a = await world.task(project, 'A 1号楼电缆敷设', {
      ...manual,
      crewId: world.crews.cable,
      locationId: world.locations.building,
      plannedStart: local('2026-11-16T08:00'),
      plannedFinish: local('2026-11-16T12:00'),
    });
    b = await world.task(project, 'B 1号楼光缆穿管', {
      ...manual,
      crewId: world.crews.fibre,
      locationId: world.locations.building,
      plannedStart: local('2026-11-16T10:00'),
      plannedFinish: local('2026-11-16T12:00'),
    });
    coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lists a clash as open, with the versions of its tasks and no decision', async () => {
    const clash = await clashOf();
    expect(clash).toMatchObject({ state: 'open', decision: null, taskIds: [a, b].sort() });
    expect(clash['taskVersions']).toEqual((clash['taskIds'] as string[]).map(() => 1));
  });

  it('accepts a clash with a reason: shown at once as accepted, with who and when, and in the history', async () => {
    const before = await clashOf();
    const response = await decide({ action: 'accept', reason: '两家运营商在同一小区不同楼栋施工，可并行' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      key: before['key'],
      kind: 'location-clash',
      action: 'accept',
      reason: '两家运营商在同一小区不同楼栋施工，可并行',
      decidedById: coordinator.userId,
      decidedByName: coordinator.username,
    });
    // The detection is cached at the plan's revision; the decision is merged after it.
    const after = await clashOf();
    expect(after).toMatchObject({ state: 'accepted', decision: { id: response.body.id, action: 'accept' } });
    expect((await history(before['key'] as string)).map((row) => row['action'])).toEqual(['accept']);
    const [audit] = await t.dataSource.query(
      "SELECT actor_id, project_id FROM audit_entries WHERE entity = 'conflict-decision' AND entity_id = $1",
      [response.body.id],
    );
    expect(audit).toEqual({ actor_id: coordinator.userId, project_id: project });
  });

  it('refuses an acceptance without a reason, stale versions and a clash that is gone, writing nothing', async () => {
    const count = await rows();
    const noReason = await decide({ action: 'accept', reason: '   ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.problems).toEqual([{ field: 'reason', messages: [expect.stringContaining('理由')] }]);

    const clash = await clashOf();
    const stale = await coordinator
      .post(`/api/projects/${project}/conflict-decisions`)
      .send({ key: clash['key'], action: 'accept', reason: '可并行', taskVersions: { [a]: 99, [b]: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'conflict_decision_stale', tasks: [{ id: a, title: 'A 1号楼电缆敷设' }] });
    expect(stale.body.message).toContain('A 1号楼电缆敷设');

    const wrongTasks = await coordinator
      .post(`/api/projects/${project}/conflict-decisions`)
      .send({ key: clash['key'], action: 'accept', reason: '可并行', taskVersions: { [a]: 1 } });
    expect(wrongTasks.status).toBe(400);
    expect(wrongTasks.body.problems[0].field).toBe('taskVersions');

    const gone = await coordinator
      .post(`/api/projects/${project}/conflict-decisions`)
      .send({ key: 'location-clash|x|y|z', action: 'accept', reason: '可并行', taskVersions: { [a]: 1 } });
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('conflict_not_found');

    const malformed = await coordinator
      .post(`/api/projects/${project}/conflict-decisions`)
      .send({ key: clash['key'], action: 'ignore', taskVersions: { 'not-a-uuid': 1 } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.problems.map((p: Json) => p['field']).sort()).toEqual(['action', 'taskVersions']);
    expect(await rows()).toBe(count);
  });

  it('keeps an acceptance when only the progress changes, and reopens it when a task moves', async () => {
    await patchTask(b, { progress: 30 });
    expect(await clashOf()).toMatchObject({ state: 'accepted' });

    // B moves an hour later and still overlaps A: the same clash, reopened.
    await patchTask(b, { plannedStart: local('2026-11-16T11:00') });
    const reopened = await clashOf();
    expect(reopened).toMatchObject({
      state: 'open',
      decision: { action: 'reopen', changedTaskIds: [b], decidedById: null, decidedByName: 'system' },
    });
    const accepted = (await history(reopened['key'] as string))[0];
    expect((reopened['decision'] as Json)['reopensId']).toBe(accepted['id']);
    // Reading again does not reopen twice.
    await clashOf();
    expect((await history(reopened['key'] as string)).map((row) => row['action'])).toEqual(['accept', 'reopen']);
  });

  it('escalates to a department or a user, with a note; never to both or none', async () => {
    const count = await rows();
    const both = await decide({
      action: 'escalate',
      reason: '请供电公司确认停电窗口',
      assigneeDepartmentId: world.departments.power,
      assigneeUserId: coordinator.userId,
    });
    expect(both.status).toBe(400);
    const none = await decide({ action: 'escalate', reason: '请确认' });
    expect(none.status).toBe(400);
    const noNote = await decide({ action: 'escalate', assigneeDepartmentId: world.departments.power });
    expect(noNote.status).toBe(400);
    expect(noNote.body.problems[0].field).toBe('reason');
    const missing = await decide({
      action: 'escalate',
      reason: '请确认',
      assigneeDepartmentId: '6f1c1c3e-4c51-4b1e-9d7e-000000000000',
    });
    expect(missing.status).toBe(400);
    expect(await rows()).toBe(count);

    const toDepartment = await decide({
      action: 'escalate',
      reason: '请供电公司确认停电窗口后再安排光缆穿管',
      assigneeDepartmentId: world.departments.power,
    });
    expect(toDepartment.status).toBe(201);
    expect(toDepartment.body).toMatchObject({ assigneeName: '国网沈阳供电公司', assigneeUserId: null });
    const agency = await t.as({ role: Role.Agency, departmentId: world.departments.power });
    const toUser = await decide({ action: 'escalate', reason: '请核实', assigneeUserId: agency.userId });
    expect(toUser.body).toMatchObject({ assigneeUserId: agency.userId, assigneeName: agency.username });
    expect(await clashOf()).toMatchObject({ state: 'escalated' });
  });

  it('resolves a clash linked to the latest edit of its tasks by default, or to the edit chosen', async () => {
    const resolved = await decide({ action: 'resolve', reason: '光缆班改到下午进场' });
    expect(resolved.status).toBe(201);
    const [latest] = await t.dataSource.query(
      "SELECT id FROM audit_entries WHERE entity = 'task' AND entity_id = ANY($1) ORDER BY at DESC, id DESC LIMIT 1",
      [[a, b]],
    );
    expect(resolved.body).toMatchObject({
      auditEntryId: latest.id,
      edit: { entity: 'task', entityId: b, fields: expect.arrayContaining(['plannedStart']) },
    });
    expect(await clashOf()).toMatchObject({ state: 'resolved', decision: { edit: { entityId: b } } });

    const [first] = await t.dataSource.query(
      "SELECT id FROM audit_entries WHERE entity = 'task' AND entity_id = $1 ORDER BY at LIMIT 1",
      [a],
    );
    const chosen = await decide({ action: 'resolve', auditEntryId: first.id });
    expect(chosen.body).toMatchObject({ auditEntryId: first.id, edit: { entityId: a } });

    // An edit of another project's task resolves nothing here.
    const elsewhere = await world.task(otherProject, '别处任务', {
      crewId: world.crews.cable,
      plannedStart: local('2026-11-17T08:00'),
      durationMinutes: 60,
    });
    const [foreign] = await t.dataSource.query('SELECT id FROM audit_entries WHERE entity_id = $1', [elsewhere]);
    const refused = await decide({ action: 'resolve', auditEntryId: foreign.id });
    expect(refused.status).toBe(400);
    expect(refused.body.problems[0].field).toBe('auditEntryId');
  });

  it('links a resolution to the change set of the edit that resolved it, and checks the one given', async () => {
    const [latest] = await t.dataSource.query(
      "SELECT change_set_id FROM audit_entries WHERE entity = 'task' AND entity_id = ANY($1) ORDER BY at DESC, id DESC LIMIT 1",
      [[a, b]],
    );
    const byDefault = await decide({ action: 'resolve' });
    expect(byDefault.status).toBe(201);
    expect(byDefault.body.changeSetId).toBe(latest.change_set_id);
    expect(latest.change_set_id).toEqual(expect.any(String));

    // One user action (a change set) that wrote B: the resolution carries it, and so does the history.
    const changeSet = randomUUID();
    const { version } = await world.read(b);
    await t.http.patch(`/api/tasks/${b}`).set('X-Change-Set', changeSet).send({ progress: 40, version }).expect(200);
    const chosen = await decide({ action: 'resolve', changeSetId: changeSet });
    expect(chosen.status).toBe(201);
    const [entry] = await t.dataSource.query(
      "SELECT id FROM audit_entries WHERE change_set_id = $1 AND entity = 'task' AND entity_id = $2",
      [changeSet, b],
    );
    expect(chosen.body).toMatchObject({ changeSetId: changeSet, auditEntryId: entry.id, edit: { entityId: b } });
    const key = (await clashOf())['key'] as string;
    expect((await history(key)).at(-1)).toMatchObject({ id: chosen.body.id, changeSetId: changeSet });

    const count = await rows();
    const unknown = await decide({ action: 'resolve', changeSetId: randomUUID() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems).toEqual([{ field: 'changeSetId', messages: [expect.stringContaining('变更集')] }]);

    // A change set that wrote only a task of another project touches neither task of the clash.
    const other = randomUUID();
    await t.http
      .post('/api/tasks')
      .set('X-Change-Set', other)
      .send({
        projectId: otherProject,
        title: '别处任务二',
        crewId: world.crews.cable,
        plannedStart: local('2026-11-18T08:00'),
        durationMinutes: 60,
      })
      .expect(201);
    const foreign = await coordinator
      .post(`/api/projects/${project}/conflict-decisions`)
      .set('Accept-Language', 'en')
      .send({ key, action: 'resolve', changeSetId: other, taskVersions: versionsOf(await clashOf()) });
    expect(foreign.status).toBe(400);
    expect(foreign.body.problems[0]).toEqual({
      field: 'changeSetId',
      messages: [expect.stringContaining('A 1号楼电缆敷设')],
    });
    expect(foreign.body.problems[0].messages[0]).toContain('changed none');

    // An audit entry and a change set that disagree.
    const mismatch = await decide({ action: 'resolve', auditEntryId: entry.id, changeSetId: latest.change_set_id });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.problems[0].field).toBe('changeSetId');
    expect(await rows()).toBe(count);
  });

  it('reopens a decided clash by hand, once', async () => {
    const reopened = await decide({ action: 'reopen', reason: '现场反映仍有交叉' });
    expect(reopened.status).toBe(201);
    expect(await clashOf()).toMatchObject({ state: 'open', decision: { action: 'reopen', changedTaskIds: [] } });
    const again = await decide({ action: 'reopen' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict_already_open');
    const key = (await clashOf())['key'] as string;
    expect((await history(key)).map((row) => row['action'])).toEqual([
      'accept',
      'reopen',
      'escalate',
      'escalate',
      'resolve',
      'resolve',
      'resolve',
      'resolve',
      'reopen',
    ]);
  });

  it('lets planners decide and whoever sees one of the tasks read the history', async () => {
    const key = (await clashOf())['key'] as string;
    const body = async () => {
      const clash = await clashOf();
      return { key, action: 'accept', reason: '可并行', taskVersions: versionsOf(clash) };
    };
    const post = async (agent: Agent) =>
      (await agent.post(`/api/projects/${project}/conflict-decisions`).send(await body())).status;
    const cableLead = await t.as({ role: Role.Contractor, crewIds: [world.crews.cable] });
    const powerAgency = await t.as({ role: Role.Agency, departmentId: world.departments.power });
    const viewer = await t.as({ role: Role.Viewer });
    const otherCoordinator = await t.as({ role: Role.Coordinator, projectIds: [otherProject] });
    expect(await post(cableLead)).toBe(403);
    expect(await post(powerAgency)).toBe(403);
    expect(await post(viewer)).toBe(403);
    expect(await post(otherCoordinator)).toBe(404);
    expect(await post(t.http)).toBe(201);

    const full = await history(key);
    expect(await history(key, cableLead)).toEqual(full);
    expect(await history(key, powerAgency)).toEqual(full);
    // A crew with no task in the clash sees the project but none of its decisions.
    const civilLead = await t.as({ role: Role.Contractor, crewIds: [world.crews.civil] });
    await world.task(project, 'C 八经小区沟槽', {
      crewId: world.crews.civil,
      locationId: world.locations.otherCompound,
      plannedStart: local('2026-11-18T08:00'),
      durationMinutes: 120,
    });
    expect(await history(key, civilLead)).toEqual([]);
    await otherCoordinator.get(`/api/projects/${project}/conflict-decisions`).query({ key }).expect(404);

    const assignees = await coordinator.get(`/api/projects/${project}/conflict-decisions/assignees`).expect(200);
    expect(assignees.body.departments.map((d: Json) => d['name'])).toContain('国网沈阳供电公司');
    expect(assignees.body.users.map((u: Json) => u['id'])).toEqual(
      expect.arrayContaining([coordinator.userId, powerAgency.userId]),
    );
    expect(assignees.body.users.map((u: Json) => u['id'])).not.toContain(otherCoordinator.userId);
    await cableLead.get(`/api/projects/${project}/conflict-decisions/assignees`).expect(403);
  });
});
