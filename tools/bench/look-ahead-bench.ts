// `npm run bench:look-ahead`: the make-ready readings at scale, against the built api on a
// scratch stack (its own database: the demo plus a generated project of 10,000 tasks and 15,000
// links, gantt-project.ts, and 5,000 constraints on it). Prints one figure per line (name, value,
// unit): the 6-week look-ahead's first request of a fresh api (cold) and p50/p95 of 50 requests
// (warm), then the same for the readiness and an agency's upstream blocks. Target: look-ahead ≤ 100 ms warm.
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { startStack } from '../../apps/web-e2e/src/support/stack';
import { Client } from 'pg';
import { insertGanttProject } from './gantt-project';

const TASKS = 10_000;
const LINKS = 15_000;
const CONSTRAINTS = Number(process.env['LOOK_AHEAD_CONSTRAINTS'] ?? 5_000);
const WARM = 50;
const KINDS = ['dig_permit', 'outage_approval', 'materials', 'escort', 'residents_told', 'predecessor_done', 'other'];

function figure(name: string, value: number, unit: string, note = ''): void {
  console.log(`${name} ${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}${note ? `  # ${note}` : ''}`);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * 5,000 constraints as a project carries them: mostly on the work of the coming weeks (open, or
 * cleared as the start nears), some on later work (open), those on done work cleared. Owners: a
 * department (the task's, or another), due a few days before the task starts.
 */
async function insertConstraints(databaseUrl: string, projectId: string): Promise<{ open: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tasks } = await client.query<{
      id: string;
      status: string;
      start: string;
      department: string;
      soon: boolean;
    }>(
      `SELECT id, status, to_char(start_date, 'YYYY-MM-DD') AS start, department_id AS department,
              start_date BETWEEN current_date - 7 AND current_date + 56 AS soon
         FROM tasks WHERE project_id = $1 ORDER BY code`,
      [projectId],
    );
    const { rows: departments } = await client.query<{ id: string }>('SELECT id FROM departments ORDER BY name');
    const soon = tasks.filter((task) => task.soon);
    let seed = 11;
    const rnd = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const rows = Array.from({ length: CONSTRAINTS }, (_, i) => {
      const task =
        rnd() < 0.7 && soon.length ? soon[Math.floor(rnd() * soon.length)] : tasks[Math.floor(rnd() * tasks.length)];
      const closed = task.status === 'done' || task.status === 'cancelled';
      const status = closed || rnd() < 0.45 ? 'cleared' : 'open';
      const due = new Date(Date.parse(task.start) - Math.floor(1 + rnd() * 6) * 86_400_000).toISOString().slice(0, 10);
      const owner = rnd() < 0.6 ? task.department : departments[Math.floor(rnd() * departments.length)].id;
      return [task.id, KINDS[i % KINDS.length], `条件${i + 1}`, owner, due, status];
    });
    const column = (k: number) => rows.map((row) => row[k]);
    await client.query(
      `INSERT INTO make_ready_constraints (project_id, task_id, kind, description, owner_department_id, due_date, status,
                                          cleared_at, cleared_by_name)
       SELECT $1, u.task_id, u.kind::make_ready_kind, u.description, u.owner, u.due, u.status::make_ready_status,
              CASE WHEN u.status = 'cleared' THEN now() END, CASE WHEN u.status = 'cleared' THEN '基准' END
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::date[], $7::text[])
           AS u(task_id, kind, description, owner, due, status)`,
      [projectId, ...Array.from({ length: 6 }, (_, k) => column(k))],
    );
    // As autovacuum leaves a database in use: statistics and hint bits set.
    await client.query('VACUUM ANALYZE tasks, dependencies, make_ready_constraints');
    return { open: rows.filter((row) => row[5] === 'open').length };
  } finally {
    await client.end();
  }
}

/** GET as the web app does (gzip), returning ms and the response. */
async function timedGet(url: string, token: string): Promise<{ ms: number; body: unknown; bytes: number }> {
  const began = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
  const text = await response.text();
  const ms = performance.now() - began;
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text}`);
  return { ms, body: JSON.parse(text), bytes: Number(response.headers.get('content-length') ?? text.length) };
}

/** The first request (cold), then WARM more: figures cold, p50, p95. */
async function measure(name: string, url: string, token: string, note: (body: unknown) => string): Promise<void> {
  const cold = await timedGet(url, token);
  const warm: number[] = [];
  for (let i = 0; i < WARM; i++) warm.push((await timedGet(url, token)).ms);
  figure(`${name}_cold_ms`, cold.ms, 'ms', `first request of a fresh api; ${note(cold.body)}`);
  figure(`${name}_warm_p50_ms`, percentile(warm, 50), 'ms', `${WARM} requests`);
  figure(`${name}_warm_p95_ms`, percentile(warm, 95), 'ms', `${WARM} requests`);
}

async function main(): Promise<void> {
  let projectId = '';
  let open = 0;
  const stack = await startStack({
    worker: false,
    prepare: async (url) => {
      projectId = (await insertGanttProject(url, { tasks: TASKS, links: LINKS, code: 'BENCH-MR' })).projectId;
      open = (await insertConstraints(url, projectId)).open;
    },
  });
  try {
    const admin = await ApiUser.login(stack.url, 'admin', 'demo-guanliyuan-2026');
    const api = `${stack.url}/api`;
    console.error(`${TASKS} tasks, ${LINKS} links, ${CONSTRAINTS} constraints (${open} open); measuring…`);
    await measure('look_ahead_6w', `${api}/projects/${projectId}/look-ahead?weeks=6`, admin.token, (body) => {
      const dto = body as { rows: unknown[]; counts: { ready: number; notReady: number } };
      return `${dto.rows.length} tasks in 6 weeks (${dto.counts.notReady} not ready)`;
    });
    await measure('readiness', `${api}/projects/${projectId}/readiness`, admin.token, (body) => {
      return `${(body as { tasks: unknown[] }).tasks.length} tasks with constraints`;
    });
    // The department with the most tasks in the window: the largest "what blocks my tasks".
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    const [{ department_id: department }] = (
      await client.query(
        `SELECT department_id FROM tasks WHERE project_id = $1 AND start_date BETWEEN current_date AND current_date + 42
          GROUP BY department_id ORDER BY count(*) DESC LIMIT 1`,
        [projectId],
      )
    ).rows;
    await client.end();
    await measure(
      'agency_blocks_6w',
      `${api}/agency/blocks?weeks=6&departmentId=${department}`,
      admin.token,
      (body) => {
        const rows = (body as { rows: { blockers: unknown[] }[] }).rows;
        const blockers = rows.reduce((n, row) => n + row.blockers.length, 0);
        return `${rows.length} blocked tasks of one department, ${blockers} blockers listed`;
      },
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
