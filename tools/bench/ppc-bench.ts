/**
 * npm run bench:ppc — GET /api/projects/:id/ppc over 52 weeks of weekly plans in a
 * 10,000-task project (≈190 commitments a week, four in five done, the others not done with
 * one of the seven reasons), through the real api (guards, pipes, one transaction, the four
 * grouped queries). Prints one line per figure: name, value, unit — the first request after
 * start (cold) and p50/p95 of the next ones (warm). Target: ≤ 200 ms.
 *
 * BENCH_TASKS (10,000), BENCH_WEEKS (52) and BENCH_RUNS (50) change the sizes.
 */
import { VARIANCE_REASONS, weekStartOf } from '@worksite/shared-make-ready';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { createTestApp } from '../../apps/api/src/testing/test-app';

// Seeding 10,000 tasks in one statement can outlast the default statement timeout on a busy machine.
process.env['DB_STATEMENT_TIMEOUT_MS'] ??= '600000';
const TASKS = Number(process.env['BENCH_TASKS'] ?? 10_000);
const WEEKS = Number(process.env['BENCH_WEEKS'] ?? 52);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 50);
const ZONE = 'Asia/Shanghai';
const TARGET_MS = 200;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main(): Promise<void> {
  const t = await createTestApp();
  try {
    const create = async (path: string, body: Record<string, unknown>) => {
      const response = await t.http.post(path).send(body);
      if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.id as string;
    };
    const department = await create('/api/departments', { kind: 'power', name: '国网沈阳供电公司' });
    const contractor = await create('/api/contractors', { name: '和平供电中心', departmentId: department });
    const crews: string[] = [];
    for (let i = 0; i < 20; i++)
      crews.push(
        await create('/api/crews', { name: `电缆${i + 1}班`, contractorId: contractor, leaderName: `班长${i + 1}` }),
      );
    const calendar = await create('/api/calendars', { name: '施工日历' });
    const lastWeek = weekStartOf(localDateOf(Date.now(), ZONE));
    const from = addDays(lastWeek, -7 * (WEEKS - 1));
    const project = await create('/api/projects', {
      code: 'BENCH-PPC',
      name: 'PPC基准',
      calendarId: calendar,
      startDate: from,
    });

    const seeding = Date.now();
    const db = t.dataSource;
    // Tasks spread over the weeks (Monday to Friday, 08:00–12:00 local), pinned and done.
    await db.query(
      `INSERT INTO tasks (project_id, title, department_id, crew_id, planned_start, planned_finish, start_date, finish_date,
                          duration_minutes, status, progress, scheduling_mode)
       SELECT $1, '任务' || i, $2, ($3::uuid[])[1 + i % 20], d + time '08:00' AT TIME ZONE $5, d + time '12:00' AT TIME ZONE $5,
              d, d, 240, 'done', 100, 'manual'
         FROM generate_series(0, $4 - 1) i, LATERAL (SELECT $6::date + (7 * (i % $7) + i % 5) AS d) day`,
      [project, department, crews, TASKS, ZONE, from, WEEKS],
    );
    await db.query(
      `INSERT INTO weekly_plans (project_id, week_start, frozen_at)
       SELECT $1, w, w::timestamp AT TIME ZONE $3 FROM generate_series($2::date, $2::date + 7 * ($4 - 1), interval '7 days') w`,
      [project, from, ZONE, WEEKS],
    );
    await db.query(
      `INSERT INTO weekly_commitments (plan_id, task_id, crew_id, department_id, made_ready, outcome, reason)
       SELECT p.id, t.id, t.crew_id, t.department_id, t.code % 7 <> 0,
              (CASE WHEN t.code % 5 = 0 THEN 'not_done' ELSE 'done' END)::commitment_outcome,
              (CASE WHEN t.code % 5 = 0 THEN ($2::text[])[1 + (t.code / 5) % 7] END)::variance_reason
         FROM tasks t JOIN weekly_plans p ON p.project_id = t.project_id AND p.week_start = date_trunc('week', t.start_date)::date
        WHERE t.project_id = $1`,
      [project, [...VARIANCE_REASONS]],
    );
    await db.query('ANALYZE tasks, weekly_plans, weekly_commitments');
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM weekly_commitments');
    console.log(
      `seeded ${TASKS} tasks, ${WEEKS} weekly plans, ${n} commitments in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
    );

    const path = `/api/projects/${project}/ppc?from=${from}&to=${lastWeek}`;
    const timed = async () => {
      const began = performance.now();
      const response = await t.http.get(path).expect(200);
      if (response.body.weeks.length !== WEEKS)
        throw new Error(`expected ${WEEKS} weeks, got ${response.body.weeks.length}`);
      return performance.now() - began;
    };
    const cold = await timed();
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await timed());
    warm.sort((a, b) => a - b);
    console.log(`ppc_${WEEKS}w_cold ${cold.toFixed(1)} ms`);
    console.log(`ppc_${WEEKS}w_warm_p50 ${percentile(warm, 0.5).toFixed(1)} ms`);
    console.log(`ppc_${WEEKS}w_warm_p95 ${percentile(warm, 0.95).toFixed(1)} ms`);
    console.log(
      `ppc_target ${TARGET_MS} ms (${Math.max(cold, percentile(warm, 0.95)) <= TARGET_MS ? 'met' : 'MISSED'})`,
    );
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
