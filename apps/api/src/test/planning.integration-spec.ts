import { rowCounts } from '@worksite/server-testing';
import { createTestApp, TestApp } from '../testing/test-app';

/** Mondays to Fridays 08:00–12:00 and 14:00–18:00: residential noise rules with a noon break. */
const NOON_BREAK = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((day) => [
    day,
    [
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ],
  ]),
);

type Json = Record<string, unknown>;

describe('calendars, projects, tasks and dependencies over HTTP', () => {
  let t: TestApp;
  let power: string;
  let telecom: string;
  let cableCrew: string;
  let fibreCrew: string;
  let compound: string;
  let building: string;
  let unit: string;
  let otherCompound: string;
  let calendar: string;
  let project: string;

  const post = async (path: string, body: Json): Promise<Json> => {
    const response = await t.http.post(path).send(body);
    if (response.status !== 201)
      throw new Error(`POST ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const id = async (path: string, body: Json) => (await post(path, body))['id'] as string;
  let taskCount = 0;
  /** A task of `projectId` (default: the main project) done by the cable crew unless told otherwise. */
  const task = (fields: Json, projectId = project) =>
    post('/api/tasks', {
      projectId,
      title: `任务 ${++taskCount}`,
      crewId: cableCrew,
      ...fields,
    });
  const link = (predecessorId: string, successorId: string) =>
    t.http.post('/api/dependencies').send({ predecessorId, successorId });

  beforeAll(async () => {
    t = await createTestApp();
    power = await id('/api/departments', {
      kind: 'power',
      name: '国网沈阳供电公司',
    });
    telecom = await id('/api/departments', {
      kind: 'telecom',
      name: '中国移动沈阳分公司',
    });
    const powerContractor = await id('/api/contractors', {
      name: '沈阳电力工程有限公司',
      departmentId: power,
    });
    const telecomContractor = await id('/api/contractors', {
      name: '辽宁通信工程公司',
      departmentId: telecom,
    });
    cableCrew = await id('/api/crews', {
      name: '电缆一班',
      contractorId: powerContractor,
      leaderName: '王建国',
    });
    fibreCrew = await id('/api/crews', {
      name: '光缆一班',
      contractorId: telecomContractor,
      leaderName: '李强',
    });
    compound = await id('/api/locations', {
      kind: 'compound',
      name: '和平新村',
    });
    building = await id('/api/locations', {
      kind: 'building',
      name: '1号楼',
      parentId: compound,
    });
    unit = await id('/api/locations', {
      kind: 'unit',
      name: '1单元',
      parentId: building,
    });
    otherCompound = await id('/api/locations', {
      kind: 'compound',
      name: '八经街小区',
    });
    calendar = await id('/api/calendars', {
      name: '和平新村施工日历',
      weeklyWindows: NOON_BREAK,
    });
    project = await id('/api/projects', {
      code: 'HPXC-2026-FXRD',
      name: '和平新村社区飞线入地改造',
      calendarId: calendar,
      timeZone: 'Asia/Shanghai',
      startDate: '2026-11-02',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('calendars', () => {
    it('stores the weekly windows given and defaults to the noon-break week', async () => {
      const read = await t.http.get(`/api/calendars/${calendar}`).expect(200);
      expect(read.body.weeklyWindows).toEqual(NOON_BREAK);

      const defaulted = await post('/api/calendars', { name: '默认日历' });
      expect(defaulted['weeklyWindows']).toEqual(NOON_BREAK);

      const nights = await post('/api/calendars', {
        name: '夜间施工日历',
        weeklyWindows: { '6': [{ start: '22:00', end: '24:00' }] },
      });
      expect(nights['weeklyWindows']).toEqual({
        '6': [{ start: '22:00', end: '24:00' }],
      });
    });
  });

  describe('task times', () => {
    it('turns a finish into working minutes of the calendar (08:00–18:00 on a Monday is 480)', async () => {
      const monday = await task({
        plannedStart: '2026-11-30T08:00:00+08:00',
        plannedFinish: '2026-11-30T18:00:00+08:00',
      });
      expect(monday).toMatchObject({
        durationMinutes: 480,
        plannedStart: '2026-11-30T00:00:00.000Z',
        plannedFinish: '2026-11-30T10:00:00.000Z',
        startDate: '2026-11-30',
        finishDate: '2026-11-30',
        departmentId: power,
        version: 1,
      });

      const overNoon = await task({
        plannedStart: '2026-11-30T10:00:00+08:00',
        plannedFinish: '2026-11-30T15:00:00+08:00',
      });
      expect(overNoon['durationMinutes']).toBe(180);

      const overWeekend = await task({
        plannedStart: '2026-12-04T16:00:00+08:00',
        plannedFinish: '2026-12-07T10:00:00+08:00',
      });
      expect(overWeekend['durationMinutes']).toBe(240);
    });

    it('turns a duration into a finish, skipping the noon break and the night', async () => {
      const day = await task({
        plannedStart: '2026-11-30T08:00:00+08:00',
        durationMinutes: 480,
      });
      expect(day['plannedFinish']).toBe('2026-11-30T10:00:00.000Z');

      const overnight = await task({
        plannedStart: '2026-11-30T16:00:00+08:00',
        durationMinutes: 240,
      });
      expect(overnight).toMatchObject({
        plannedFinish: '2026-12-01T02:00:00.000Z',
        startDate: '2026-11-30',
        finishDate: '2026-12-01',
        durationMinutes: 240,
      });
    });

    it('keeps the duration when only the start moves, and recomputes it on a new finish', async () => {
      const created = await task({
        plannedStart: '2026-11-30T08:00:00+08:00',
        durationMinutes: 480,
      });
      const moved = await t.http
        .patch(`/api/tasks/${created['id']}`)
        .send({ version: 1, plannedStart: '2026-12-01T14:00:00+08:00' })
        .expect(200);
      expect(moved.body).toMatchObject({
        plannedStart: '2026-12-01T06:00:00.000Z',
        plannedFinish: '2026-12-02T04:00:00.000Z',
        durationMinutes: 480,
        startDate: '2026-12-01',
        finishDate: '2026-12-02',
        version: 2,
      });

      const resized = await t.http
        .patch(`/api/tasks/${created['id']}`)
        .send({ version: 2, plannedFinish: '2026-12-01T18:00:00+08:00' })
        .expect(200);
      expect(resized.body).toMatchObject({
        plannedStart: '2026-12-01T06:00:00.000Z',
        durationMinutes: 240,
        version: 3,
      });

      // The answer is the row the update wrote (its RETURNING), field for field what a read gives.
      const edited = await t.http
        .patch(`/api/tasks/${created['id']}`)
        .send({
          version: 3,
          title: '改后的工序',
          materials: [{ name: '电缆', quantity: 20, unit: '米' }],
          tools: ['切割机'],
          needsUtilities: ['power'],
          constraintType: 'start_no_earlier_than',
          constraintAt: '2026-12-01T14:00:00+08:00',
        })
        .expect(200);
      const read = await t.http.get(`/api/tasks/${created['id']}`).expect(200);
      expect(edited.body).toEqual(read.body);
      expect(read.body).toMatchObject({
        title: '改后的工序',
        materials: [{ name: '电缆', quantity: 20, unit: '米' }],
        tools: ['切割机'],
        needsUtilities: ['power'],
        constraintType: 'start_no_earlier_than',
        constraintAt: '2026-12-01T06:00:00.000Z',
        startDate: '2026-12-01',
        version: 4,
      });
    });

    it('takes holidays and blackout windows of the calendar out of working time', async () => {
      const examCalendar = await id('/api/calendars', {
        name: '中考期间施工日历',
        weeklyWindows: NOON_BREAK,
      });
      await post('/api/calendar-exceptions', {
        calendarId: examCalendar,
        date: '2026-12-03',
        kind: 'holiday',
        name: '停工日',
      });
      await post('/api/blackout-windows', {
        calendarId: examCalendar,
        startsAt: '2026-12-02T08:00:00+08:00',
        endsAt: '2026-12-02T12:00:00+08:00',
        reason: '模拟考试',
      });
      const examProject = await id('/api/projects', {
        code: 'HPXC-2026-EXAM',
        name: '考点周边管线改造',
        calendarId: examCalendar,
        startDate: '2026-12-01',
      });
      // Wednesday 14:00–18:00, Thursday off, Friday 08:00–12:00.
      const work = await task({ plannedStart: '2026-12-02T08:00:00+08:00', durationMinutes: 480 }, examProject);
      expect(work).toMatchObject({
        plannedFinish: '2026-12-04T04:00:00.000Z',
        finishDate: '2026-12-04',
      });
    });

    it('gives local dates in the project zone, not in UTC', async () => {
      // Manual tasks keep their times outside working hours (an automatic one would snap to 08:00).
      const lateEvening = await task({
        plannedStart: '2026-12-01T23:30:00+08:00',
        durationMinutes: 60,
        schedulingMode: 'manual',
      });
      expect(lateEvening).toMatchObject({
        plannedStart: '2026-12-01T15:30:00.000Z',
        startDate: '2026-12-01',
        plannedFinish: '2026-12-02T01:00:00.000Z',
        finishDate: '2026-12-02',
      });

      const afterMidnight = await task({
        plannedStart: '2026-12-02T00:30:00+08:00',
        durationMinutes: 60,
        schedulingMode: 'manual',
      });
      // Still 2026-12-01 in UTC (16:30), already the 2nd in Shenyang.
      expect(afterMidnight).toMatchObject({
        plannedStart: '2026-12-01T16:30:00.000Z',
        startDate: '2026-12-02',
      });
      const [row] = await t.dataSource.query('SELECT start_date::text AS "startDate" FROM tasks WHERE id = $1', [
        afterMidnight['id'],
      ]);
      expect(row.startDate).toBe('2026-12-02');
    });
  });

  describe('task lists', () => {
    let listProject: string;
    const titles = async (query: string): Promise<string[]> => {
      const response = await t.http.get(`/api/tasks?projectId=${listProject}&${query}`).expect(200);
      return response.body.items.map((item: Json) => item['title']);
    };

    beforeAll(async () => {
      listProject = await id('/api/projects', {
        code: 'HPXC-2026-LIST',
        name: '列表测试项目',
        calendarId: calendar,
        startDate: '2026-12-01',
      });
      const at = (date: string) => `${date}T08:00:00+08:00`;
      const listTask = (title: string, fields: Json) => task({ title, durationMinutes: 480, ...fields }, listProject);
      // Created out of order: lists are sorted by planned start.
      await listTask('单元内布线', {
        plannedStart: at('2026-12-03'),
        locationId: unit,
        status: 'blocked',
      });
      await listTask('小区管沟开挖', {
        plannedStart: at('2026-12-01'),
        locationId: compound,
        status: 'ready',
      });
      await listTask('1号楼电缆敷设', {
        plannedStart: at('2026-12-02'),
        locationId: building,
        status: 'in_progress',
      });
      await listTask('光缆迁改', {
        plannedStart: at('2026-12-04'),
        crewId: fibreCrew,
        locationId: otherCompound,
      });
      await listTask('夜间收尾', {
        plannedStart: '2026-12-07T23:30:00+08:00',
        durationMinutes: 60,
        status: 'done',
      });
      // Another project's task in the same compound never shows up below.
      await task({
        title: '其他项目的任务',
        plannedStart: at('2026-12-01'),
        durationMinutes: 480,
        locationId: compound,
      });
    });

    it('lists the tasks of a project by planned start', async () => {
      expect(await titles('')).toEqual(['小区管沟开挖', '1号楼电缆敷设', '单元内布线', '光缆迁改', '夜间收尾']);
    });

    it('lists tasks of one day by their start time, a task after local midnight on its local day', async () => {
      const dayProject = await id('/api/projects', {
        code: 'HPXC-2026-LIST-DAY',
        name: '同日排序项目',
        calendarId: calendar,
        startDate: '2026-12-01',
      });
      const dayTask = (title: string, plannedStart: string) =>
        task({ title, plannedStart, durationMinutes: 60, schedulingMode: 'manual' }, dayProject);
      await dayTask('下午', '2026-12-02T15:00:00+08:00');
      // 00:30 on the 3rd in Shenyang is the 2nd in UTC: still after everything of the 2nd.
      await dayTask('次日凌晨', '2026-12-03T00:30:00+08:00');
      await dayTask('上午', '2026-12-02T09:00:00+08:00');
      await dayTask('深夜', '2026-12-02T23:00:00+08:00');
      await dayTask('前一日', '2026-12-01T22:00:00+08:00');
      const listed = async (query: string) =>
        (await t.http.get(`/api/tasks?projectId=${dayProject}&${query}`).expect(200)).body.items.map(
          (item: Json) => item['title'],
        );
      expect(await listed('pageSize=5')).toEqual(['前一日', '上午', '下午', '深夜', '次日凌晨']);
      expect(await listed('pageSize=2&page=2')).toEqual(['下午', '深夜']);
    });

    it('filters by department and crew', async () => {
      expect(await titles(`departmentId=${telecom}`)).toEqual(['光缆迁改']);
      expect(await titles(`crewId=${cableCrew}`)).toHaveLength(4);
      expect(await titles(`crewId=${fibreCrew}`)).toEqual(['光缆迁改']);
    });

    it('filters by location, a compound including its buildings and units', async () => {
      expect(await titles(`locationId=${compound}`)).toEqual(['小区管沟开挖', '1号楼电缆敷设', '单元内布线']);
      expect(await titles(`locationId=${building}`)).toEqual(['1号楼电缆敷设', '单元内布线']);
      expect(await titles(`locationId=${unit}`)).toEqual(['单元内布线']);
      expect(await titles(`locationId=${otherCompound}`)).toEqual(['光缆迁改']);
    });

    it('filters by a comma-separated list of statuses', async () => {
      expect(await titles('status=ready,blocked')).toEqual(['小区管沟开挖', '单元内布线']);
      expect(await titles('status=done')).toEqual(['夜间收尾']);
      const bad = await t.http.get('/api/tasks?status=ready,started').expect(400);
      expect(bad.body.problems[0].field).toBe('status');
    });

    it('filters by a range of local dates, a task counting on every day it runs', async () => {
      expect(await titles('from=2026-12-02&to=2026-12-03')).toEqual(['1号楼电缆敷设', '单元内布线']);
      expect(await titles('from=2026-12-04')).toEqual(['光缆迁改', '夜间收尾']);
      // 23:30 on the 7th in Shenyang is still the 7th, though 15:30 UTC.
      expect(await titles('from=2026-12-07&to=2026-12-07')).toEqual(['夜间收尾']);
      expect(await titles('to=2026-11-30')).toEqual([]);
    });

    it('pages with the total of all matching rows', async () => {
      const second = await t.http.get(`/api/tasks?projectId=${listProject}&pageSize=2&page=2`).expect(200);
      expect(second.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(second.body.items.map((item: Json) => item['title'])).toEqual(['单元内布线', '光缆迁改']);
      const beyond = await t.http.get(`/api/tasks?projectId=${listProject}&pageSize=2&page=4`).expect(200);
      expect(beyond.body).toMatchObject({ total: 5, items: [] });
      const filtered = await t.http
        .get(`/api/tasks?projectId=${listProject}&locationId=${compound}&pageSize=1`)
        .expect(200);
      expect(filtered.body).toMatchObject({ total: 3 });
      expect(filtered.body.items).toHaveLength(1);
      const last = await t.http.get(`/api/tasks?projectId=${listProject}&pageSize=2&page=3`).expect(200);
      expect(last.body).toMatchObject({ total: 5, page: 3 });
      expect(last.body.items.map((item: Json) => item['title'])).toEqual(['夜间收尾']);
      const whole = await t.http.get(`/api/tasks?projectId=${listProject}&pageSize=5`).expect(200);
      expect(whole.body).toMatchObject({ total: 5 });
    });

    it('lists each task as reading it alone answers it, field for field', async () => {
      await task(
        {
          title: '带全部字段的任务',
          content: '施工内容',
          plannedStart: '2026-12-08T08:00:00+08:00',
          durationMinutes: 480,
          locationId: building,
          materials: [{ name: '电缆', quantity: 120, unit: 'm' }, { name: '扎带' }],
          tools: ['熔接机', '梯子'],
          safetyNotes: '停电作业',
          needsUtilities: ['power', 'network'],
          interruptionKind: 'water',
          interruptionStartsAt: '2026-12-08T09:00:00+08:00',
          interruptionEndsAt: '2026-12-08T11:00:00+08:00',
          interruptionLocationIds: [building, unit],
          constraintType: 'start_no_earlier_than',
          constraintAt: '2026-12-08T08:00:00+08:00',
        },
        listProject,
      );
      // The page is PostgreSQL's JSON text, sent as it is: still JSON to the client.
      const list = await t.http.get(`/api/tasks?projectId=${listProject}`).expect(200);
      expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(list.body.total).toBe(6);
      for (const item of list.body.items as Json[]) {
        expect(item).toEqual((await t.http.get(`/api/tasks/${item['id']}`).expect(200)).body);
      }
      expect(list.body.items[5]).toMatchObject({ startDate: '2026-12-08', needsUtilities: ['power', 'network'] });
    });
  });

  describe('dependencies', () => {
    const dependencyCount = async () => (await rowCounts(t.dataSource, ['dependencies']))['dependencies'];
    const newTask = async (title: string) =>
      (
        await task({
          title,
          plannedStart: '2026-12-01T08:00:00+08:00',
          durationMinutes: 240,
        })
      )['id'] as string;

    it('links two tasks of a project, and answers 409 for the same pair again', async () => {
      const dig = await newTask('开挖电缆沟');
      const lay = await newTask('敷设电缆');
      const created = await link(dig, lay).expect(201);
      expect(created.body).toMatchObject({
        predecessorId: dig,
        successorId: lay,
        projectId: project,
        type: 'FS',
        lagMinutes: 0,
        version: 1,
      });
      const before = await dependencyCount();
      const again = await link(dig, lay).expect(409);
      expect(again.body).toMatchObject({ code: 'already_exists' });
      expect(await dependencyCount()).toBe(before);
    });

    it('refuses a link that would close a cycle with 422 naming the tasks in order, writing nothing', async () => {
      const a = await newTask('拆除旧线');
      const b = await newTask('架设临时线路');
      const c = await newTask('恢复供电');
      await link(a, b).expect(201);
      await link(b, c).expect(201);
      const before = await rowCounts(t.dataSource, ['dependencies', 'tasks']);

      const refused = await link(c, a).expect(422);
      expect(refused.body).toMatchObject({
        statusCode: 422,
        code: 'dependency_cycle',
        cycle: [
          { id: a, title: '拆除旧线' },
          { id: b, title: '架设临时线路' },
          { id: c, title: '恢复供电' },
        ],
      });
      expect(refused.body.message).toContain('拆除旧线 → 架设临时线路 → 恢复供电 → 拆除旧线');
      expect(await rowCounts(t.dataSource, ['dependencies', 'tasks'])).toEqual(before);
    });

    it('lets exactly one of two concurrent halves of a cycle through', async () => {
      for (let round = 0; round < 5; round++) {
        const x = await newTask(`并发前置 ${round}`);
        const y = await newTask(`并发后续 ${round}`);
        const answers = await Promise.all([link(x, y), link(y, x)]);
        expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
        const [{ count }] = await t.dataSource.query(
          `SELECT count(*)::int AS count FROM dependencies
            WHERE predecessor_id = ANY($1) AND successor_id = ANY($1)`,
          [[x, y]],
        );
        expect(count).toBe(1);
      }
    });

    it('refuses to delete a task others depend on, unless removeLinks=true removes the links too', async () => {
      const first = await newTask('管沟开挖');
      const second = await newTask('管道铺设');
      const linked = await link(first, second).expect(201);

      const refused = await t.http.delete(`/api/tasks/${first}`).expect(409);
      expect(refused.body).toMatchObject({
        code: 'task_has_dependencies',
        dependencyIds: [linked.body.id],
      });
      expect(refused.body.message).toContain('removeLinks=true');
      await t.http.get(`/api/tasks/${first}`).expect(200);
      await t.http.get(`/api/dependencies/${linked.body.id}`).expect(200);

      await t.http.delete(`/api/tasks/${first}?removeLinks=maybe`).expect(400);

      await t.http.delete(`/api/tasks/${first}?removeLinks=true`).expect(204);
      await t.http.get(`/api/tasks/${first}`).expect(404);
      await t.http.get(`/api/dependencies/${linked.body.id}`).expect(404);
      await t.http.get(`/api/tasks/${second}`).expect(200);
    });
  });

  describe('versions', () => {
    it('refuses a stale version with 409 and leaves the row as it was', async () => {
      const created = await task({
        plannedStart: '2026-12-01T08:00:00+08:00',
        durationMinutes: 240,
      });
      const path = `/api/tasks/${created['id']}`;
      const updated = await t.http.patch(path).send({ version: 1, title: '电缆头制作' }).expect(200);
      expect(updated.body.version).toBe(2);

      const stale = await t.http
        .patch(path)
        .send({
          version: 1,
          title: '被覆盖的标题',
          plannedStart: '2026-12-03T08:00:00+08:00',
        })
        .expect(409);
      expect(stale.body).toMatchObject({
        code: 'version_conflict',
        currentVersion: 2,
      });
      const after = await t.http.get(path).expect(200);
      expect(after.body).toEqual(updated.body);

      const next = await t.http.patch(path).send({ version: 2, progress: 50 }).expect(200);
      expect(next.body).toMatchObject({
        version: 3,
        progress: 50,
        title: '电缆头制作',
      });
    });

    it('bumps the version of projects and calendars too', async () => {
      const read = await t.http.get(`/api/projects/${project}`).expect(200);
      const updated = await t.http
        .patch(`/api/projects/${project}`)
        .send({ version: read.body.version, coordinatorName: '甄鸿波' })
        .expect(200);
      expect(updated.body.version).toBe(read.body.version + 1);
      await t.http
        .patch(`/api/projects/${project}`)
        .send({ version: read.body.version, coordinatorName: '旧值' })
        .expect(409);
      const after = await t.http.get(`/api/projects/${project}`).expect(200);
      expect(after.body.coordinatorName).toBe('甄鸿波');

      const weekdays = await post('/api/calendars', { name: '工作日日历' });
      const saturday = { '6': [{ start: '09:00', end: '17:00' }] };
      const changed = await t.http
        .patch(`/api/calendars/${weekdays['id']}`)
        .send({ version: 1, weeklyWindows: saturday })
        .expect(200);
      expect(changed.body).toMatchObject({
        version: 2,
        weeklyWindows: saturday,
      });
      await t.http.patch(`/api/calendars/${weekdays['id']}`).send({ version: 1, name: '过期的修改' }).expect(409);
      const calendarAfter = await t.http.get(`/api/calendars/${weekdays['id']}`).expect(200);
      expect(calendarAfter.body).toEqual(changed.body);
    });
  });

  describe('health and docs', () => {
    it('reports the database and Redis up', async () => {
      const health = await t.http.get('/api/health').expect(200);
      expect(health.body).toMatchObject({
        status: 'ok',
        database: 'up',
        redis: 'up',
      });
    });

    it('renders the API docs as HTML', async () => {
      const docs = await t.http.get('/api/docs').expect(200);
      expect(docs.headers['content-type']).toMatch(/text\/html/);
      expect(docs.text).toMatch(/swagger/i);
    });

    it('lists the paths of every resource in the OpenAPI document', async () => {
      const document = await t.http.get('/api/docs-json').expect(200);
      const paths = Object.keys(document.body.paths);
      for (const resource of [
        'departments',
        'contractors',
        'crews',
        'crew-channels',
        'locations',
        'calendars',
        'calendar-exceptions',
        'blackout-windows',
        'projects',
        'tasks',
        'dependencies',
      ]) {
        expect(paths).toEqual(expect.arrayContaining([`/api/${resource}`, `/api/${resource}/{id}`]));
        expect(Object.keys(document.body.paths[`/api/${resource}`])).toEqual(expect.arrayContaining(['get', 'post']));
        expect(Object.keys(document.body.paths[`/api/${resource}/{id}`])).toEqual(
          expect.arrayContaining(['get', 'patch', 'delete']),
        );
      }
      expect(paths).toContain('/api/health');
    });
  });
});
