import { seedCrewsWithWork } from '@worksite/notices-testing';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';

/**
 * The amendment outbox fed by task writes (the tasks' statement triggers): whichever statement
 * changes what a crew's notice shows, for a date the crew has a notice for or its project a run
 * past fan-out, owes the crew an amendment for that date, once; other writes owe nothing.
 */
describe('amendments owed by task writes (real PostgreSQL)', () => {
  const DAY = '2030-03-04';
  const NEXT = '2030-03-05';
  const RUN_DAY = '2030-03-06';
  let db: TestDatabase;
  let projectId: string;
  let crews: string[];
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    db.dataSource.query(sql, params) as Promise<T[]>;
  const owed = async () =>
    (
      await q<{ crew_id: string; notice_date: string }>(
        `SELECT crew_id, notice_date::text FROM notice_amendments_owed ORDER BY notice_date, crew_id`,
      )
    ).map((row) => `${crews.indexOf(row.crew_id)} ${row.notice_date}`);
  const tasksOf = async (crew: number) =>
    (await q<{ id: string }>('SELECT id FROM tasks WHERE crew_id = $1 ORDER BY planned_start', [crews[crew]])).map(
      (row) => row.id,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    const fixture = await seedCrewsWithWork(db.dataSource, { crews: 3, date: DAY, tasksPerCrew: 2 });
    projectId = fixture.projectId;
    crews = fixture.crews.map((crew) => crew.id);
    // Crew 0 was told about DAY and NEXT; crew 1 about DAY; the project's run for RUN_DAY has fanned out.
    for (const [crew, date] of [
      [0, DAY],
      [0, NEXT],
      [1, DAY],
    ] as const) {
      await q(
        `INSERT INTO notices (crew_id, notice_date, revision, reason, language, subject, content, text, task_count)
         VALUES ($1, $2, 1, 'initial', 'zh-CN', 's', '{}', 't', 2)`,
        [crews[crew], date],
      );
    }
    await q(
      `INSERT INTO notice_runs (project_id, run_date, status, trigger) VALUES ($1, $2, 'completed', 'schedule')`,
      [projectId, RUN_DAY],
    );
  });

  beforeEach(() => q('DELETE FROM notice_amendments_owed'));

  afterAll(() => db?.drop());

  it('owes nothing for writes that leave what a notice shows as it was', async () => {
    const [task] = await tasksOf(0);
    await q('UPDATE tasks SET progress = 40, version = version + 1 WHERE id = $1', [task]);
    await q('UPDATE tasks SET title = title, planned_start = planned_start WHERE crew_id = $1', [crews[0]]);
    expect(await owed()).toEqual([]);
  });

  it('owes the old and the new dates of tasks moved in one statement, each date once', async () => {
    await q(
      `UPDATE tasks SET planned_start = planned_start + interval '1 day', planned_finish = planned_finish + interval '1 day',
                        start_date = start_date + 1, finish_date = finish_date + 1
        WHERE crew_id = ANY($1::uuid[])`,
      [[crews[0], crews[2]]],
    );
    // Crew 2 has no notice for either day and the run is for neither: nothing for it.
    expect(await owed()).toEqual([`0 ${DAY}`, `0 ${NEXT}`]);
    // Changed again: still one row per crew and date.
    await q('DELETE FROM notice_amendments_owed WHERE notice_date = $1', [DAY]);
    await q(`UPDATE tasks SET title = title || ' (2)' WHERE crew_id = $1`, [crews[0]]);
    expect(await owed()).toEqual([`0 ${NEXT}`]);
    expect(await q('SELECT count(*)::int AS n FROM notice_amendments_owed')).toEqual([{ n: 1 }]);
  });

  it('owes both crews when a task changes crews, and the run date for any crew of the project', async () => {
    const [task] = await tasksOf(1);
    await q('UPDATE tasks SET crew_id = $2 WHERE id = $1', [task, crews[2]]);
    expect(await owed()).toEqual([`1 ${DAY}`]);
    await q(
      `UPDATE tasks SET planned_start = $2::date + time '08:00', planned_finish = $2::date + time '10:00',
                        start_date = $2, finish_date = $2 WHERE id = $1`,
      [task, RUN_DAY],
    );
    expect(await owed()).toEqual([`1 ${DAY}`, `2 ${RUN_DAY}`]);
  });

  it('owes the old date of a task moved past the last date noticed, and nothing for moves after it', async () => {
    const LATER = '2030-03-10';
    const moveTo = (id: string, date: string) =>
      q(
        `UPDATE tasks SET planned_start = $2::date + time '08:00', planned_finish = $2::date + time '10:00',
                          start_date = $2, finish_date = $2 WHERE id = $1`,
        [id, date],
      );
    const [first, second] = await tasksOf(2);
    await moveTo(first, RUN_DAY);
    await q('DELETE FROM notice_amendments_owed');
    // From the run's date (the last date any notice or run is for) to a later one: the old date is owed.
    await moveTo(first, LATER);
    expect(await owed()).toEqual([`2 ${RUN_DAY}`]);
    await q('DELETE FROM notice_amendments_owed');
    // Both before and after the move later than every notice and run: nothing can be owed.
    await moveTo(first, '2030-03-11');
    await moveTo(second, LATER);
    expect(await owed()).toEqual([]);
  });

  it('owes the dates of tasks inserted and deleted, and nothing for a task without a crew', async () => {
    const [department] = await q<{ department_id: string }>('SELECT department_id FROM tasks LIMIT 1');
    const insert = (crew: string | null, date: string) =>
      q<{ id: string }>(
        `INSERT INTO tasks (project_id, title, department_id, crew_id, planned_start, planned_finish, start_date,
                            finish_date, duration_minutes)
         VALUES ($1, '新任务', $2, $3, $4::date + time '08:00', $4::date + time '10:00', $4, $4, 120) RETURNING id`,
        [projectId, department.department_id, crew, date],
      );
    await insert(null, DAY);
    expect(await owed()).toEqual([]);
    const [added] = await insert(crews[0], NEXT);
    expect(await owed()).toEqual([`0 ${NEXT}`]);
    await q('DELETE FROM notice_amendments_owed');
    await q('DELETE FROM tasks WHERE id = $1', [added.id]);
    expect(await owed()).toEqual([`0 ${NEXT}`]);
  });
});
