import { notDoneOf, TapOf, weekStartOf } from '@worksite/shared-make-ready';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { Response } from 'superagent';
import { AccessWorld, Agent, buildAccessWorld } from '../testing/access-world';
import { createTestApp, TestApp } from '../testing/test-app';

const ZONE = 'Asia/Shanghai';
const binary = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Weekly plans, crew taps and PPC on the real database. Commitments go to next week (not frozen);
 * taps carry a tappedAt inside that week, as a crew lead's phone would then.
 */
describe('weekly plans, crew taps and PPC', () => {
  let t: TestApp;
  let w: AccessWorld;
  let coordinator: Agent;
  let contractor: Agent;
  const thisWeek = weekStartOf(localDateOf(Date.now(), ZONE));
  const nextWeek = addDays(thisWeek, 7);
  const wednesday = `${addDays(nextWeek, 2)}T10:00:00+08:00`;
  const tapAt = (hours: number) => `${addDays(nextWeek, 2)}T${String(10 + hours).padStart(2, '0')}:00:00+08:00`;
  const tasks: Record<'a' | 'b' | 'c' | 'd' | 'other', string> = { a: '', b: '', c: '', d: '', other: '' };
  const planPath = (week = nextWeek) => `/api/projects/${w.ids.projectOwn}/weekly-plans/${week}`;
  const ppcOf = async (agent: Agent | TestApp['http'] = t.http) =>
    (await agent.get(`/api/projects/${w.ids.projectOwn}/ppc?from=${nextWeek}&to=${nextWeek}`).expect(200)).body;
  const tap = (agent: Agent, body: Record<string, unknown>) =>
    agent.post('/api/crew/reports').send({ tappedAt: tapAt(0), ...body });

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildAccessWorld(t);
    coordinator = w.users.coordinator;
    contractor = w.users.contractor;
    for (const key of ['a', 'b', 'c', 'd'] as const) {
      tasks[key] = await w.create('/api/tasks', {
        projectId: w.ids.projectOwn,
        crewId: w.ids.crewOwn,
        title: `周计划任务${key}`,
        plannedStart: wednesday,
        durationMinutes: 120,
      });
    }
    tasks.other = await w.create('/api/tasks', {
      projectId: w.ids.projectOwn,
      crewId: w.ids.crewOther,
      title: '其他班组的任务',
      plannedStart: wednesday,
      durationMinutes: 120,
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('commits and withdraws tasks before the week begins', async () => {
    const before = (await coordinator.get(planPath()).expect(200)).body;
    expect(before).toMatchObject({ weekStart: nextWeek, frozen: false, frozenAt: null, commitments: [] });
    expect(before.candidates.map((c: { taskId: string }) => c.taskId)).toEqual(
      expect.arrayContaining(Object.values(tasks)),
    );

    const plan = (
      await coordinator
        .post(`${planPath()}/commitments`)
        .send({ taskIds: [tasks.a, tasks.b, tasks.c, tasks.other] })
        .expect(200)
    ).body;
    expect(plan.commitments).toHaveLength(4);
    expect(plan.commitments[0]).toMatchObject({ madeReady: true, ready: true, outcome: null, reason: null });
    expect(plan.candidates.map((c: { taskId: string }) => c.taskId)).not.toContain(tasks.a);

    const withdrawn = (await coordinator.delete(`${planPath()}/commitments/${tasks.other}`).expect(200)).body;
    expect(withdrawn.commitments.map((c: { taskId: string }) => c.taskId).sort()).toEqual(
      [tasks.a, tasks.b, tasks.c].sort(),
    );
    await coordinator.delete(`${planPath()}/commitments/${tasks.other}`).expect(404);
    // Committing again what is committed changes nothing.
    await coordinator
      .post(`${planPath()}/commitments`)
      .send({ taskIds: [tasks.a] })
      .expect(200);
    expect((await coordinator.get(planPath()).expect(200)).body.commitments).toHaveLength(3);
  });

  it('refuses to change a week that has begun (409), and names weeks by their Monday (400)', async () => {
    const frozen = await coordinator.post(`${planPath(thisWeek)}/commitments`).send({ taskIds: [tasks.d] });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('weekly_plan_frozen');
    await coordinator.delete(`${planPath(thisWeek)}/commitments/${tasks.d}`).expect(409);
    expect((await coordinator.get(planPath(thisWeek)).expect(200)).body.frozen).toBe(true);
    const notMonday = await coordinator.get(planPath(addDays(nextWeek, 1)));
    expect(notMonday.status).toBe(400);
    await coordinator.get(planPath('2026-13-01')).expect(400);
  });

  it("lets a crew lead commit only their crews' tasks", async () => {
    await contractor
      .post(`${planPath()}/commitments`)
      .send({ taskIds: [tasks.other] })
      .expect(404);
    const own = (
      await contractor
        .post(`${planPath()}/commitments`)
        .send({ taskIds: [tasks.d] })
        .expect(200)
    ).body;
    expect(own.commitments.map((c: { taskId: string }) => c.taskId)).toContain(tasks.d);
    // The lead sees their own crews' commitments only.
    expect(own.commitments.every((c: { crewId: string }) => c.crewId === w.ids.crewOwn)).toBe(true);
    await contractor.delete(`${planPath()}/commitments/${tasks.d}`).expect(200);
    await w.users.agency
      .post(`${planPath()}/commitments`)
      .send({ taskIds: [tasks.a] })
      .expect(403);
    await w.users.viewer
      .post(`${planPath()}/commitments`)
      .send({ taskIds: [tasks.a] })
      .expect(403);
  });

  it('applies a tap once when it is sent twice, and done raises the week’s PPC by one share', async () => {
    expect((await ppcOf()).weeks[0]).toMatchObject({ weekStart: nextWeek, committed: 3, done: 0, ppc: 0, tmr: 100 });
    const body = { clientKey: randomUUID(), taskId: tasks.a, kind: 'done' };
    const first = (await tap(contractor, body).expect(200)).body;
    expect(first).toMatchObject({ applied: true, task: { id: tasks.a, status: 'done', progress: 100 } });
    const again = (await tap(contractor, body).expect(200)).body;
    expect(again).toMatchObject({ applied: false, task: { status: 'done', version: first.task.version } });
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM task_reports WHERE client_key = $1', [
      body.clientKey,
    ]);
    expect(n).toBe(1);
    expect((await ppcOf()).weeks[0]).toMatchObject({ committed: 3, done: 1, ppc: 33.3 });
    const audit = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE entity = 'task' AND action = 'update' AND entity_id = $1 AND changes ? 'status'`,
      [tasks.a],
    );
    expect(audit[0].n).toBe(1);
  });

  it("'not done 材料未到' lowers that week's PPC by exactly one commitment's share and counts in the Pareto", async () => {
    await tap(contractor, { clientKey: randomUUID(), taskId: tasks.b, kind: 'done' }).expect(200);
    const before = await ppcOf();
    expect(before.weeks[0]).toMatchObject({ committed: 3, done: 2, ppc: 66.7 });
    await tap(contractor, {
      clientKey: randomUUID(),
      taskId: tasks.b,
      kind: 'not_done',
      reason: 'materials_missing',
      note: '电缆未到货',
      tappedAt: tapAt(2),
    }).expect(200);
    const after = await ppcOf();
    expect(after.weeks[0]).toMatchObject({ committed: 3, done: 1, ppc: 33.3 });
    expect(before.weeks[0].ppc - after.weeks[0].ppc).toBeCloseTo(100 / 3, 0);
    expect(after.pareto).toEqual([{ reason: 'materials_missing', count: 1 }]);
    const plan = (await coordinator.get(planPath()).expect(200)).body;
    expect(plan.commitments.find((c: { taskId: string }) => c.taskId === tasks.b)).toMatchObject({
      outcome: 'not_done',
      reason: 'materials_missing',
      note: '电缆未到货',
    });
    // An older 'done' arriving late from an offline phone does not overturn the later 'not done'.
    await tap(contractor, { clientKey: randomUUID(), taskId: tasks.b, kind: 'done', tappedAt: tapAt(1) }).expect(200);
    expect((await ppcOf()).weeks[0].done).toBe(1);
  });

  it('flushes an offline queue in order: each tap once, refused ones named', async () => {
    const started = { clientKey: randomUUID(), taskId: tasks.c, kind: 'started', tappedAt: tapAt(0) };
    const weather = {
      clientKey: randomUUID(),
      taskId: tasks.c,
      kind: 'not_done',
      reason: 'weather',
      tappedAt: tapAt(3),
    };
    const noReason = { clientKey: randomUUID(), taskId: tasks.c, kind: 'not_done', tappedAt: tapAt(3) };
    const otherCrew = { clientKey: randomUUID(), taskId: tasks.other, kind: 'started', tappedAt: tapAt(0) };
    const { results } = (
      await contractor
        .post('/api/crew/reports/batch')
        .send({ reports: [started, started, weather, noReason, otherCrew, weather] })
        .expect(200)
    ).body;
    expect(results.map((r: { applied: boolean }) => r.applied)).toEqual([true, false, true, false, false, false]);
    expect(results.map((r: { error?: string }) => !!r.error)).toEqual([false, false, false, true, true, false]);
    expect(results[0].clientKey).toBe(started.clientKey);
    const task = (await t.http.get(`/api/tasks/${tasks.c}`).expect(200)).body;
    expect(task.status).toBe('in_progress');
    const ppc = await ppcOf();
    expect(ppc.pareto).toEqual([
      { reason: 'materials_missing', count: 1 },
      { reason: 'weather', count: 1 },
    ]);
    // Next week is not over: departments and crews count only weeks that are (a test below).
    expect(ppc).toMatchObject({ groupWeeks: null, byCrew: [], byDepartment: [] });
  });

  it('applies the same tap sent twice at once (a retry racing the first) once', async () => {
    const body = { clientKey: randomUUID(), taskId: tasks.c, kind: 'progress', progress: 50 };
    const answers = await Promise.all([tap(contractor, body), tap(contractor, body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.body.applied).sort()).toEqual([false, true]);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM task_reports WHERE client_key = $1', [
      body.clientKey,
    ]);
    expect(n).toBe(1);
    expect((await t.http.get(`/api/tasks/${tasks.c}`).expect(200)).body.progress).toBe(50);
  });

  it("refuses taps on other crews' tasks, from read-only roles, and without a reason", async () => {
    await tap(contractor, { clientKey: randomUUID(), taskId: tasks.other, kind: 'started' }).expect(404);
    await tap(w.users.viewer, { clientKey: randomUUID(), taskId: tasks.a, kind: 'started' }).expect(403);
    const noReason = await tap(contractor, { clientKey: randomUUID(), taskId: tasks.d, kind: 'not_done' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.problems[0].field).toBe('reason');
    await tap(contractor, { clientKey: 'not-a-uuid', taskId: tasks.d, kind: 'started' }).expect(400);
  });

  it("lists a crew's taps of one local day, oldest first, over the tasks the caller sees", async () => {
    const day = addDays(nextWeek, 2);
    const path = (crewId: string, date = day) => `/api/crew/reports?crewId=${crewId}&date=${date}`;
    const { reports } = (await contractor.get(path(w.ids.crewOwn)).expect(200)).body as {
      reports: { taskId: string; kind: string; reason: string | null; note: string; tappedAt: string }[];
    };
    const times = reports.map((r) => r.tappedAt);
    expect(times).toEqual([...times].sort());
    // The late 'done' of task b (tapped at 11:00) sorts before its 'not done' (12:00): the phone still shows 未完成.
    expect(notDoneOf(reports.filter((r) => r.taskId === tasks.b) as TapOf[])).toEqual({
      reason: 'materials_missing',
      note: '电缆未到货',
    });
    expect(notDoneOf(reports.filter((r) => r.taskId === tasks.c) as TapOf[])).toEqual({ reason: 'weather', note: '' });
    expect(reports.some((r) => r.taskId === tasks.other)).toBe(false);
    expect((await contractor.get(path(w.ids.crewOwn, addDays(day, -1))).expect(200)).body.reports).toEqual([]);
    expect((await contractor.get(path(w.ids.crewOther)).expect(200)).body.reports).toEqual([]);
    expect((await coordinator.get(path(w.ids.crewOwn)).expect(200)).body.reports).toEqual(reports);
    await contractor.get(path(w.ids.crewOwn, '2026-13-01')).expect(400);
    await contractor.get('/api/crew/reports?date=' + day).expect(400);
  });

  it('exports the PPC report as a workbook with Chinese headers and a frozen header row', async () => {
    const response = await t.http
      .get(`/api/projects/${w.ids.projectOwn}/ppc.xlsx?from=${nextWeek}&to=${nextWeek}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new Workbook();
    await book.xlsx.load(response.body as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['周PPC', '部门', '班组', '未完成原因']);
    const weeks = book.getWorksheet('周PPC');
    expect(weeks?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((weeks?.getRow(1).values as unknown[]).slice(1)).toEqual([
      '周（周一）',
      '承诺任务数',
      '按计划完成数',
      'PPC（%）',
      'TMR（%）',
      '说明',
    ]);
    expect((weeks?.getRow(2).values as unknown[]).slice(1)).toEqual([nextWeek, 3, 1, 33.3, 100, '未开始']);
    const reasons = book.getWorksheet('未完成原因');
    expect((reasons?.getRow(2).values as unknown[]).slice(1)).toEqual(['材料未到', 1, 50, 50]);
    expect((reasons?.getRow(3).values as unknown[]).slice(1)).toEqual(['天气', 1, 50, 100]);
    const crews = book.getWorksheet('班组');
    expect(crews?.getRow(1).getCell(1).value).toBe('班组（范围内还没有已结束的周）');
    expect(crews?.rowCount).toBe(1);
  });

  it('records the freeze when first seen and settles made-ready as of the week start (TMR)', async () => {
    const began = new Date(`${thisWeek}T00:00:00+08:00`).getTime();
    const hour = 3_600_000;
    const [plan] = await t.dataSource.query(
      'INSERT INTO weekly_plans (project_id, week_start) VALUES ($1, $2) RETURNING id',
      [w.ids.projectOwn, thisWeek],
    );
    for (const task of [tasks.d, tasks.other]) {
      await t.dataSource.query(
        `INSERT INTO weekly_commitments (plan_id, task_id, crew_id, department_id, made_ready)
         SELECT $1, id, crew_id, department_id, false FROM tasks WHERE id = $2`,
        [plan.id, task],
      );
    }
    // d's constraint was cleared an hour before the week began; other's is still open.
    await t.dataSource.query(
      `INSERT INTO make_ready_constraints (project_id, task_id, kind, status, created_at, cleared_at)
       VALUES ($1, $2, 'materials', 'cleared', $4, $5), ($1, $3, 'dig_permit', 'open', $4, NULL)`,
      [w.ids.projectOwn, tasks.d, tasks.other, new Date(began - 24 * hour), new Date(began - hour)],
    );
    const seen = (await coordinator.get(planPath(thisWeek)).expect(200)).body;
    expect(seen.frozen).toBe(true);
    expect(Date.parse(seen.frozenAt)).toBeGreaterThan(began);
    const byTask = new Map(seen.commitments.map((c: { taskId: string }) => [c.taskId, c]));
    expect(byTask.get(tasks.d)).toMatchObject({ madeReady: true, ready: true });
    expect(byTask.get(tasks.other)).toMatchObject({ madeReady: false, ready: false });
    const ppc = (await t.http.get(`/api/projects/${w.ids.projectOwn}/ppc?from=${thisWeek}&to=${thisWeek}`).expect(200))
      .body;
    expect(ppc.weeks).toEqual([{ weekStart: thisWeek, committed: 2, done: 0, ppc: 0, tmr: 50 }]);
    // Seen again, the freeze keeps its first moment.
    expect((await coordinator.get(planPath(thisWeek)).expect(200)).body.frozenAt).toBe(seen.frozenAt);
  });

  it('counts departments and crews over the weeks that are over, not the week under way', async () => {
    const lastWeek = addDays(thisWeek, -7);
    const [plan] = await t.dataSource.query(
      'INSERT INTO weekly_plans (project_id, week_start) VALUES ($1, $2) RETURNING id',
      [w.ids.projectOwn, lastWeek],
    );
    for (const [task, outcome] of [
      [tasks.a, 'done'],
      [tasks.b, 'done'],
      [tasks.c, 'not_done'],
      [tasks.other, 'done'],
    ]) {
      await t.dataSource.query(
        `INSERT INTO weekly_commitments (plan_id, task_id, crew_id, department_id, made_ready, outcome)
         SELECT $1, id, crew_id, department_id, true, $3 FROM tasks WHERE id = $2`,
        [plan.id, task, outcome],
      );
    }
    const range = `from=${lastWeek}&to=${nextWeek}`;
    const ppc = (await t.http.get(`/api/projects/${w.ids.projectOwn}/ppc?${range}`).expect(200)).body;
    expect(ppc.weeks.map((x: { weekStart: string; committed: number }) => [x.weekStart, x.committed])).toEqual([
      [lastWeek, 4],
      [thisWeek, 2],
      [nextWeek, 3],
    ]);
    // Last week only: this week's two commitments (not done yet) and next week's three are not due.
    expect(ppc.groupWeeks).toEqual({ from: lastWeek, to: lastWeek });
    expect(ppc.byCrew).toEqual([
      { crewId: w.ids.crewOwn, committed: 3, done: 2, ppc: 66.7 },
      { crewId: w.ids.crewOther, committed: 1, done: 1, ppc: 100 },
    ]);
    expect(ppc.byDepartment).toEqual([
      { departmentId: w.ids.departmentOwn, committed: 3, done: 2, ppc: 66.7 },
      { departmentId: w.ids.departmentOther, committed: 1, done: 1, ppc: 100 },
    ]);

    const response = await t.http
      .get(`/api/projects/${w.ids.projectOwn}/ppc.xlsx?${range}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new Workbook();
    await book.xlsx.load(response.body as never);
    const notes = book.getWorksheet('周PPC')?.getColumn(6).values.slice(2);
    expect(notes).toEqual(['', '进行中：未到期的承诺暂按未完成计', '未开始']);
    const departments = book.getWorksheet('部门');
    expect(departments?.getRow(1).getCell(1).value).toBe(`部门（已结束的周：${lastWeek} 至 ${addDays(lastWeek, 6)}）`);
    expect((departments?.getRow(2).values as unknown[]).slice(1)).toEqual(['国网沈阳供电公司', 3, 2, 66.7]);
  });

  it('answers 400 for a reversed or too long range', async () => {
    await t.http.get(`/api/projects/${w.ids.projectOwn}/ppc?from=${nextWeek}&to=${thisWeek}`).expect(400);
    await t.http.get(`/api/projects/${w.ids.projectOwn}/ppc?from=2020-01-06&to=${nextWeek}`).expect(400);
    await t.http.get(`/api/projects/${w.ids.projectOwn}/ppc?from=2026-02-30`).expect(400);
  });
});
