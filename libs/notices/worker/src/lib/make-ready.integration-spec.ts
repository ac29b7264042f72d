import { jobIds } from '@worksite/notices-data-access';
import { NoticeJob } from '@worksite/server-queue';
import { CrewsFixture, seedCrewsWithWork } from '@worksite/notices-testing';
import { addDays, instantOf } from '@worksite/shared-util-time';
import { startWorkerHarness, WorkerHarness } from '../testing/worker-harness';

const ZONE = 'Asia/Shanghai';
const D = '2030-06-20';
const EVE = addDays(D, -1);
const at = (date: string, time: string) => instantOf(date, time, ZONE).getTime();

describe('make-ready in the notices: not-ready tasks, owners reminded, the 18:00 list, on a test clock', () => {
  let h: WorkerHarness;
  let main: CrewsFixture;
  let other: CrewsFixture;
  let held: CrewsFixture;
  const ids = { li: '', permit: '', materials: '', hold: '' };
  const mailsTo = (email: string) => h.sink.received.filter((m) => m.to.includes(email));
  const taskOf = async (crewId: string) =>
    (await h.query<{ id: string }>('SELECT id FROM tasks WHERE crew_id = $1 ORDER BY planned_start', [crewId])).map(
      (t) => t.id,
    );
  const rename = (taskId: string, title: string) =>
    h.query('UPDATE tasks SET title = $2 WHERE id = $1', [taskId, title]);
  /** A copy of a task `days` later, with its own title. */
  const copyTask = async (taskId: string, days: number, title: string) => {
    const [row] = await h.query<{ id: string }>(
      `INSERT INTO tasks (project_id, title, content, department_id, crew_id, location_id, planned_start, planned_finish,
                          start_date, finish_date, duration_minutes, materials, tools, safety_notes, status)
       SELECT project_id, $3, content, department_id, crew_id, location_id, planned_start + make_interval(days => $2),
              planned_finish + make_interval(days => $2), start_date + $2, finish_date + $2, duration_minutes,
              materials, tools, safety_notes, status FROM tasks WHERE id = $1 RETURNING id`,
      [taskId, days, title],
    );
    return row.id;
  };
  const constrain = async (
    taskId: string,
    values: { kind: string; description?: string; ownerDepartmentId?: string; ownerUserId?: string; dueDate: string },
  ) => {
    const [row] = await h.query<{ id: string }>(
      `INSERT INTO make_ready_constraints (project_id, task_id, kind, description, owner_department_id, owner_user_id, due_date)
       SELECT project_id, id, $2, $3, $4, $5, $6 FROM tasks WHERE id = $1 RETURNING id`,
      [
        taskId,
        values.kind,
        values.description ?? '',
        values.ownerDepartmentId ?? null,
        values.ownerUserId ?? null,
        values.dueDate,
      ],
    );
    return row.id;
  };
  const clear = (constraintId: string) =>
    h.query(`UPDATE make_ready_constraints SET status = 'cleared', cleared_at = now() WHERE id = $1`, [constraintId]);
  const user = async (
    username: string,
    name: string,
    role: string,
    email: string,
    departmentId: string | null = null,
  ) =>
    (
      await h.query<{ id: string }>(
        `INSERT INTO users (username, display_name, password_hash, role, email, department_id)
         VALUES ($1, $2, 'x', $3, $4, $5) RETURNING id`,
        [username, name, role, email, departmentId],
      )
    )[0].id;

  beforeAll(async () => {
    h = await startWorkerHarness(
      {
        NOTICE_WATCHDOG_SECONDS: 3600,
        NOTICE_SEND_TIME: '20:00',
        NOTICE_WATCHDOG_GRACE_MINUTES: 5,
        NOTICE_REMINDER_TIME: '21:30',
        NOTICE_ESCALATION_TIME: '07:00',
        MAKE_READY_REMINDER_TIME: '09:00',
        MAKE_READY_LIST_TIME: '18:00',
      },
      { clockAt: at(EVE, '08:00') },
    );
    main = await seedCrewsWithWork(h.dataSource, { crews: 3, date: D });
    other = await seedCrewsWithWork(h.dataSource, { crews: 1, date: D });
    held = await seedCrewsWithWork(h.dataSource, { crews: 1, date: D, tasksPerCrew: 2 });
    await h.query(`UPDATE projects SET coordinator_phone = NULL WHERE id = ANY($1::uuid[])`, [
      [other.projectId, held.projectId],
    ]);
    await h.query(`UPDATE projects SET not_ready_policy = 'hold' WHERE id = $1`, [held.projectId]);
    const [city] = await h.query<{ id: string }>(
      `INSERT INTO departments (kind, name) VALUES ('city_construction', '市政处') RETURNING id`,
    );
    await user('city-agent', '市政处 刘', 'agency', 'city@worksite.test', city.id);
    ids.li = await user('li', '李物资', 'coordinator', 'li@worksite.test');
    const zhen = await user('zhen', '甄鸿波', 'coordinator', 'zhen@worksite.test');
    await h.query('INSERT INTO user_projects (user_id, project_id) VALUES ($1, $2)', [zhen, main.projectId]);

    const [t1] = await taskOf(main.crews[0].id);
    const [t2] = await taskOf(main.crews[1].id);
    const [t3] = await taskOf(main.crews[2].id);
    const [o1] = await taskOf(other.crews[0].id);
    const [hold1, hold2] = await taskOf(held.crews[0].id);
    await Promise.all([
      rename(t1, '开挖电缆沟'),
      rename(t2, '敷设低压电缆'),
      rename(t3, '电缆终端头制作'),
      rename(o1, '别的项目的任务'),
      rename(hold1, '暂缓的任务'),
      rename(hold2, '照常的任务'),
    ]);
    const today = await copyTask(t1, -1, '今天的任务');
    const dayAfter = await copyTask(t1, 1, '后天的任务');
    // Reminded today: due in two days (a department owner), due today (a user owner).
    ids.permit = await constrain(t1, {
      kind: 'dig_permit',
      description: '掘路证 2030-17',
      ownerDepartmentId: city.id,
      dueDate: addDays(EVE, 2),
    });
    ids.materials = await constrain(t2, { kind: 'materials', ownerUserId: ids.li, dueDate: EVE });
    // Not reminded today: due tomorrow; cleared.
    await constrain(dayAfter, { kind: 'escort', ownerUserId: ids.li, dueDate: D });
    await clear(await constrain(t3, { kind: 'residents_told', ownerUserId: ids.li, dueDate: EVE }));
    // Open, but not tomorrow's or not this project's: never in the list.
    await constrain(today, { kind: 'outage_approval', ownerUserId: ids.li, dueDate: addDays(EVE, 1) });
    await constrain(o1, { kind: 'other', ownerUserId: ids.li, dueDate: addDays(EVE, 1) });
    ids.hold = await constrain(hold1, { kind: 'materials', ownerUserId: ids.li, dueDate: addDays(EVE, 1) });
  });

  afterAll(() => h?.close());

  it('keeps a reminder and a list job scheduler per project, in its zone', async () => {
    await h.watchdog.tick();
    expect(await h.jobs.queue.getJobScheduler(jobIds.reminderScheduler(main.projectId))).toMatchObject({
      pattern: '0 9 * * *',
      tz: ZONE,
      name: NoticeJob.ConstraintReminders,
    });
    expect(await h.jobs.queue.getJobScheduler(jobIds.listScheduler(main.projectId))).toMatchObject({
      pattern: '0 18 * * *',
      tz: ZONE,
      name: NoticeJob.NotReadyList,
    });
    // Before the reminder time (+ grace) the watchdog reminds nobody.
    await h.settled();
    expect(h.sink.received).toHaveLength(0);
  });

  it('reminds each owner once a day of the open constraints due in two days and today, even when the job runs twice', async () => {
    h.clock.at = at(EVE, '09:10');
    await h.watchdog.tick();
    await h.jobs.queue.add(NoticeJob.ConstraintReminders, { projectId: main.projectId, date: EVE });
    await h.watchdog.tick();
    await h.settled();
    const [toLi] = mailsTo('li@worksite.test');
    expect(mailsTo('li@worksite.test')).toHaveLength(1);
    expect(toLi.subject).toBe('【开工条件提醒】1 项开工条件即将到期');
    expect(toLi.text).toContain('今天到期：材料到场 — ');
    expect(toLi.text).toContain('敷设低压电缆（6月20日开工）');
    expect(toLi.text).not.toContain('警力配合');
    expect(toLi.text).not.toContain('居民告知');
    const toCity = mailsTo('city@worksite.test');
    expect(toCity).toHaveLength(1);
    expect(toCity[0].text).toContain('市政处：以下开工条件由您负责落实');
    expect(toCity[0].text).toContain('6月21日前：掘路许可 掘路证 2030-17 — ');
    const reminded = await h.query<{ id: string; reminded_on: string[] }>(
      `SELECT id, reminded_on::text[] AS reminded_on FROM make_ready_constraints WHERE $1 = ANY(reminded_on) ORDER BY id`,
      [EVE],
    );
    expect(reminded.map((r) => r.id).sort()).toEqual([ids.materials, ids.permit].sort());
    expect(reminded.every((r) => r.reminded_on.length === 1)).toBe(true);
  });

  it("at 18:00 sends the coordinators exactly tomorrow's not-ready tasks, once per project and date", async () => {
    await clear(ids.materials);
    h.clock.at = at(EVE, '18:06');
    await h.watchdog.tick();
    await h.jobs.queue.add(NoticeJob.NotReadyList, { projectId: main.projectId, date: D });
    await h.watchdog.tick();
    await h.settled();
    const lists = mailsTo('zhen@worksite.test');
    expect(lists).toHaveLength(1);
    expect(lists[0].subject).toMatch(/^【明日未就绪】6月20日 · 测试项目 \w+ · 1 项任务未就绪$/);
    expect(lists[0].text).toContain('08:00 开挖电缆沟');
    expect(lists[0].text).toContain('⚠ 未就绪：掘路许可 掘路证 2030-17（市政处 · 6月21日前）');
    for (const absent of [
      '敷设低压电缆',
      '电缆终端头制作',
      '今天的任务',
      '后天的任务',
      '别的项目的任务',
      '暂缓的任务',
    ]) {
      expect(lists[0].text).not.toContain(absent);
    }
    const sms = h.http.to('/sms');
    expect(sms).toHaveLength(1);
    expect(JSON.stringify(sms[0].body)).toContain('1项任务未就绪：开挖电缆沟');
    const runs = await h.query<{ project_id: string; not_ready_count: number }>(
      'SELECT project_id, not_ready_count FROM not_ready_list_runs ORDER BY project_id',
    );
    expect(Object.fromEntries(runs.map((r) => [r.project_id, r.not_ready_count]))).toEqual({
      [main.projectId]: 1,
      [other.projectId]: 1,
      [held.projectId]: 1,
    });
  });

  it("marks the not-ready task in the crew's notice, shows a cleared one plainly, and holds one back under 'hold'", async () => {
    h.clock.at = at(EVE, '20:00');
    await h.runAndWait(main.projectId, D);
    await h.runAndWait(held.projectId, D);
    await h.settled();
    const [notReady] = mailsTo(main.crews[0].email);
    expect(notReady.text).toContain('1. 【未就绪】08:00–10:00 开挖电缆沟');
    expect(notReady.text).toContain('⚠ 未就绪：掘路许可 掘路证 2030-17（市政处 · 6月21日前）');
    expect(notReady.html).toContain('⚠ 未就绪');
    const [cleared] = mailsTo(main.crews[1].email);
    expect(cleared.text).toContain('1. 08:00–10:00 敷设低压电缆');
    expect(cleared.text).not.toContain('未就绪');
    expect(mailsTo(main.crews[2].email)[0].text).not.toContain('未就绪');
    const [holdNotice] = mailsTo(held.crews[0].email);
    expect(holdNotice.subject).toContain('· 1 项');
    expect(holdNotice.text).toContain('照常的任务');
    expect(holdNotice.text).not.toContain('暂缓的任务');
  });

  it('a constraint cleared after the notice puts the held task back, and opened marks a task, as amendments', async () => {
    await clear(ids.hold);
    await constrain((await taskOf(main.crews[2].id))[0], { kind: 'escort', ownerUserId: ids.li, dueDate: D });
    h.clock.at = at(EVE, '20:30');
    await h.watchdog.tick();
    await h.settled();
    const [, back] = mailsTo(held.crews[0].email);
    expect(back.subject).toContain('【施工安排变更·第2版】');
    expect(back.text).toContain('新增：暂缓的任务 08:00–10:00');
    const [, marked] = mailsTo(main.crews[2].email);
    expect(marked.text).toContain('就绪状态变化：电缆终端头制作 已就绪 → 未就绪：警力配合（李物资 · 6月20日前）');
    expect(marked.text).toContain('【未就绪】08:00–10:00 电缆终端头制作');
    expect(mailsTo(main.crews[0].email)).toHaveLength(1);
  });
});
