import { Role } from '@worksite/shared-domain';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, buildTextbook, SchedulingWorld, utc } from './scheduling-world';

type Json = Record<string, unknown>;
type Agent = Awaited<ReturnType<TestApp['as']>>;

/**
 * Who sees what of a schedule, and the dependency chains agencies read. The textbook network
 * (see buildTextbook): A and C by the power department's cable crew, B and E by city
 * construction's civil crew, D and F by the telecom fibre crew.
 */
describe('scheduling over HTTP: access and dependency chains', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>;
  let links: Record<'AB' | 'AC' | 'BD' | 'CE' | 'DF' | 'EF', string>;
  let agency: Agent;
  let contractor: Agent;
  let stranger: Agent;

  const sorted = (values: string[]) => [...values].sort();

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-SCHED-ACCESS');
    ({ ids, links } = await buildTextbook(world, project));
    agency = await t.as({ role: Role.Agency, departmentId: world.departments.telecom });
    contractor = await t.as({ role: Role.Contractor, crewIds: [world.crews.cable] });
    const idleCrew = await world.id('/api/crews', {
      name: '空闲班组',
      leaderName: '孙宏',
      contractorId: await world.id('/api/contractors', {
        name: '沈阳燃气工程公司',
        departmentId: world.departments.power,
      }),
    });
    stranger = await t.as({ role: Role.Contractor, crewIds: [idleCrew] });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('a contractor', () => {
    it("sees only its crew's tasks in the schedule, and the links between them", async () => {
      const { body } = await contractor.get(`/api/projects/${project}/schedule`).expect(200);
      expect(sorted(body.tasks.map((task: Json) => task['id']))).toEqual(sorted([ids.A, ids.C]));
      expect(body.dependencies.map((link: Json) => link['id'])).toEqual([links.AC]);
      expect(body.criticalPath).toEqual([ids.A]);
      // Computed over the whole project: the project finish is F's, a task the contractor cannot see.
      expect(body.projectFinish).toBe(utc('2026-11-06T09:00'));
    });

    it('may dry-run a recompute (seeing only its own moves) but not apply one', async () => {
      const dryRun = await contractor.post(`/api/projects/${project}/recompute`).send({}).expect(200);
      expect(sorted(dryRun.body.moved.map((move: Json) => move['taskId']))).toEqual(sorted([ids.A, ids.C]));
      const refused = await contractor.post(`/api/projects/${project}/recompute`).send({ apply: true }).expect(403);
      expect(refused.body).toMatchObject({ statusCode: 403, code: 'forbidden' });
      expect((await world.read(ids.A))['plannedStart']).toBe(utc('2026-11-09T08:00'));
      await t.http.post(`/api/projects/${project}/recompute`).send({ apply: true }).expect(200);
    });

    it('gets 404 for a project it has no task in, on every scheduling route', async () => {
      for (const path of ['schedule', 'critical-path', 'conflicts?from=2026-11-02&to=2026-11-06']) {
        const response = await stranger.get(`/api/projects/${project}/${path}`).expect(404);
        expect(response.body).toMatchObject({ code: 'not_found' });
      }
      await stranger.post(`/api/projects/${project}/recompute`).send({}).expect(404);
      await stranger.get(`/api/tasks/${ids.A}/chain`).expect(404);
    });
  });

  describe('an agency', () => {
    it("sees its department's tasks plus the directly linked ones", async () => {
      const { body } = await agency.get(`/api/projects/${project}/schedule`).expect(200);
      expect(sorted(body.tasks.map((task: Json) => task['id']))).toEqual(sorted([ids.B, ids.D, ids.E, ids.F]));
      expect(sorted(body.dependencies.map((link: Json) => link['id']))).toEqual(sorted([links.BD, links.DF, links.EF]));
      expect(body.criticalPath).toEqual([ids.B, ids.D, ids.F]);
      const critical = await agency.get(`/api/projects/${project}/critical-path`).expect(200);
      expect(critical.body.tasks.map((task: Json) => task['taskId'])).toEqual([ids.B, ids.D, ids.F]);
    });

    it('reads whom a task waits for, across departments, with dates, float and driving links', async () => {
      const { body } = await agency.get(`/api/tasks/${ids.F}/chain?direction=up`).expect(200);
      expect(body.task).toMatchObject({ id: ids.F, earlyStart: utc('2026-11-03T15:00'), critical: true });
      expect(body.downstream).toEqual([]);
      const byTitle = Object.fromEntries(body.upstream.map((item: Json) => [item['title'], item]));
      expect(Object.keys(byTitle).sort()).toEqual(
        ['A 电力电缆停电切改', 'B 城建沟槽开挖', 'C 电力管井清理', 'D 移动光缆穿管', 'E 城建回填准备'].sort(),
      );
      expect(byTitle['D 移动光缆穿管']).toMatchObject({
        taskId: ids.D,
        depth: 1,
        departmentName: '中国移动沈阳分公司',
        crewName: '光缆一班',
        status: 'planned',
        progress: 0,
        link: { type: 'FS', lagMinutes: 0, driving: true, predecessorId: ids.D, successorId: ids.F, slackMinutes: 0 },
        expectedStart: utc('2026-11-03T09:00'),
        expectedFinish: utc('2026-11-03T15:00'),
        totalFloatMinutes: 0,
        critical: true,
        readable: true,
      });
      // E could finish an hour later without holding F up: its link does not drive.
      expect(byTitle['E 城建回填准备']).toMatchObject({
        depth: 1,
        departmentName: '和平区城建局',
        crewName: '沟槽一班',
        link: { type: 'FS', driving: false, slackMinutes: 60 },
        totalFloatMinutes: 60,
        readable: true,
      });
      expect(byTitle['B 城建沟槽开挖']).toMatchObject({
        depth: 2,
        link: { type: 'FF', driving: true },
        readable: true,
      });
      // Beyond the agency's read scope, shown with the summary only.
      expect(byTitle['C 电力管井清理']).toMatchObject({
        depth: 2,
        departmentName: '国网沈阳供电公司',
        crewName: '电缆一班',
        link: { type: 'SF', lagMinutes: 600, driving: true },
        readable: false,
      });
      expect(byTitle['A 电力电缆停电切改']).toMatchObject({
        depth: 3,
        expectedStart: utc('2026-11-02T08:00'),
        expectedFinish: utc('2026-11-02T12:00'),
        readable: false,
      });
      expect(Object.keys(byTitle['A 电力电缆停电切改']).sort()).toEqual(
        [
          'taskId',
          'title',
          'departmentId',
          'departmentName',
          'crewName',
          'status',
          'progress',
          'depth',
          'link',
          'expectedStart',
          'expectedFinish',
          'totalFloatMinutes',
          'critical',
          'readable',
        ].sort(),
      );
      await agency.get(`/api/tasks/${ids.A}`).expect(404);
    });

    it('walks both ways by default, and stops at maxDepth', async () => {
      const both = await agency.get(`/api/tasks/${ids.B}/chain`).expect(200);
      expect(both.body.upstream.map((item: Json) => item['taskId'])).toEqual([ids.A]);
      expect(both.body.downstream.map((item: Json) => [item['taskId'], item['depth']])).toEqual([
        [ids.D, 1],
        [ids.F, 2],
      ]);
      const near = await agency.get(`/api/tasks/${ids.F}/chain?direction=up&maxDepth=1`).expect(200);
      expect(sorted(near.body.upstream.map((item: Json) => item['taskId']))).toEqual(sorted([ids.D, ids.E]));
      const down = await agency.get(`/api/tasks/${ids.F}/chain?direction=down`).expect(200);
      expect(down.body).toMatchObject({ upstream: [], downstream: [] });
    });

    it('gets 404 for the chain of a task it may not see, and 400 for bad parameters', async () => {
      await agency.get(`/api/tasks/${ids.A}/chain`).expect(404);
      await agency.get('/api/tasks/6f1c1c3e-4c51-4b1e-9d7e-000000000000/chain').expect(404);
      const malformed = await agency.get('/api/tasks/nope/chain').set('Accept-Language', 'en').expect(400);
      expect(malformed.body.problems).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
      for (const query of ['direction=sideways', 'maxDepth=0', 'maxDepth=abc', 'maxDepth=2.5', 'depth=1']) {
        const response = await agency.get(`/api/tasks/${ids.F}/chain?${query}`).expect(400);
        expect(response.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
      }
    });
  });

  it('documents the scheduling routes in the OpenAPI document', async () => {
    const { body } = await t.anonymous.get('/api/docs-json').expect(200);
    for (const path of [
      '/api/projects/{id}/schedule',
      '/api/projects/{id}/recompute',
      '/api/projects/{id}/critical-path',
      '/api/projects/{id}/conflicts',
      '/api/tasks/{id}/chain',
    ]) {
      expect(body.paths[path]).toBeDefined();
    }
    expect(body.paths['/api/projects/{id}/schedule'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ProjectScheduleResponse',
    });
    expect(body.components.schemas.ScheduledTaskResponse.properties.totalFloatMinutes).toBeDefined();
  });
});
