import { Role } from '@worksite/shared-domain';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld } from './scheduling-world';

/**
 * The total of a project's task list comes from the counts the database keeps per project
 * (migration ProjectTaskCounts), not from counting the rows: it must follow every way tasks come
 * and go — created one by one or many at once, deleted, concurrently — and stay equal to
 * count(*) for every project.
 */
describe('kept task counts', () => {
  let t: TestApp;
  let world: SchedulingWorld;

  const create = (projectId: string, title: string, agent = t.http) =>
    agent.post('/api/tasks').send({
      projectId,
      title,
      crewId: world.crews.cable,
      plannedStart: local('2026-11-02T08:00'),
      durationMinutes: 60,
    });
  /** The total a full first page of one task answers (the count is needed only then). */
  const total = async (projectId: string, agent = t.http) => {
    const page = await agent.get(`/api/tasks?projectId=${projectId}&pageSize=1`).expect(200);
    expect(page.body.items).toHaveLength(1);
    return page.body.total as number;
  };
  const sql = <T>(text: string, params: unknown[] = []) => t.dataSource.query(text, params) as Promise<T[]>;
  /** Every project's kept count next to its count(*): they must be equal. */
  const keptAndCounted = async () => {
    const rows = await sql<{ project_id: string; kept: string; counted: string }>(
      `SELECT p.id AS project_id,
              (SELECT coalesce(sum(c.tasks), 0) FROM project_task_counts c WHERE c.project_id = p.id) AS kept,
              (SELECT count(*) FROM tasks x WHERE x.project_id = p.id) AS counted
         FROM projects p`,
    );
    expect(rows.length).toBeGreaterThan(0);
    return rows.map((row) => ({ project: row.project_id, kept: Number(row.kept), counted: Number(row.counted) }));
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('answers the total of tasks created and deleted one by one, for an administrator and a coordinator', async () => {
    const project = await world.project('HPXC-COUNT-1');
    const coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(project, `计数 ${i}`).expect(201)).body.id);
    expect(await total(project)).toBe(5);
    expect(await total(project, coordinator)).toBe(5);
    await t.http.delete(`/api/tasks/${ids[0]}`).expect(204);
    await t.http.delete(`/api/tasks/${ids[3]}`).expect(204);
    expect(await total(project)).toBe(3);
    expect(await total(project, coordinator)).toBe(3);
    // A filter the kept counts cannot answer (a crew) is counted row by row, and agrees.
    const crewPage = await t.http
      .get(`/api/tasks?projectId=${project}&crewId=${world.crews.cable}&pageSize=1`)
      .expect(200);
    expect(crewPage.body.total).toBe(3);
    // The project's total is read from the kept counts (a row added by hand shows), the crew's is not.
    await sql('INSERT INTO project_task_counts (project_id, tasks) VALUES ($1, 100)', [project]);
    try {
      expect(await total(project)).toBe(103);
      const crewAgain = await t.http
        .get(`/api/tasks?projectId=${project}&crewId=${world.crews.cable}&pageSize=1`)
        .expect(200);
      expect(crewAgain.body.total).toBe(3);
    } finally {
      await sql('DELETE FROM project_task_counts WHERE project_id = $1 AND tasks = 100', [project]);
    }
  });

  it('follows concurrent creates, a statement inserting many rows, and deletes, folding its rows as they gather', async () => {
    const project = await world.project('HPXC-COUNT-2');
    // 40 creates, eight at a time: more than the 32 rows after which a project's rows are folded.
    for (let round = 0; round < 5; round++) {
      const created = await Promise.all(Array.from({ length: 8 }, (_, i) => create(project, `并发 ${round}-${i}`)));
      expect(created.map((response) => response.status)).toEqual(Array(8).fill(201));
    }
    expect(await total(project)).toBe(40);
    const [{ rows }] = await sql<{ rows: string }>(
      'SELECT count(*) AS rows FROM project_task_counts WHERE project_id = $1',
      [project],
    );
    expect(Number(rows)).toBeLessThanOrEqual(33);
    // One statement inserting 25 tasks (as an import does) and one deleting 10.
    await sql(
      `INSERT INTO tasks (project_id, title, crew_id, department_id, planned_start, planned_finish, start_date,
                          finish_date, duration_minutes)
       SELECT project_id, title || ' 副本 ' || n, crew_id, department_id, planned_start, planned_finish, start_date,
              finish_date, duration_minutes
         FROM tasks, generate_series(1, 5) n
        WHERE id IN (SELECT id FROM tasks WHERE project_id = $1 ORDER BY code LIMIT 5)`,
      [project],
    );
    expect(await total(project)).toBe(65);
    await sql(
      'DELETE FROM tasks WHERE id IN (SELECT id FROM tasks WHERE project_id = $1 ORDER BY code DESC LIMIT 10)',
      [project],
    );
    expect(await total(project)).toBe(55);
    const counts = await keptAndCounted();
    expect(counts.filter((count) => count.kept !== count.counted)).toEqual([]);
    expect(counts.find((count) => count.project === project)).toEqual({ project, kept: 55, counted: 55 });
  });

  it('counts what a transaction sees: a create not yet committed is not in another reader’s total', async () => {
    const project = await world.project('HPXC-COUNT-3');
    await create(project, '已提交').expect(201);
    const writer = t.dataSource.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(
        `INSERT INTO tasks (project_id, title, crew_id, department_id, planned_start, planned_finish, start_date,
                            finish_date, duration_minutes)
         SELECT project_id, '未提交', crew_id, department_id, planned_start, planned_finish, start_date, finish_date,
                duration_minutes FROM tasks WHERE project_id = $1`,
        [project],
      );
      expect(await total(project)).toBe(1);
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    expect(await total(project)).toBe(2);
  });

  it('follows a task moved to another project, and a TRUNCATE of all tasks', async () => {
    const from = await world.project('HPXC-COUNT-4');
    const to = await world.project('HPXC-COUNT-5');
    const moved = (await create(from, '迁出')).body.id as string;
    await create(from, '留下').expect(201);
    await create(to, '原有').expect(201);
    await sql('UPDATE tasks SET project_id = $2, code = 1000 WHERE id = $1', [moved, to]);
    expect(await total(from)).toBe(1);
    expect(await total(to)).toBe(2);
    await sql('TRUNCATE tasks CASCADE');
    const counts = await keptAndCounted();
    expect(counts.filter((count) => count.kept !== 0 || count.counted !== 0)).toEqual([]);
    await create(to, '清空之后').expect(201);
    expect(await total(to)).toBe(1);
  });
});
