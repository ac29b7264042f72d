// The world of `npm run bench:load` (and of its profiling companion, load-profile.ts): 100,000
// tasks over 20 projects (LOAD_PROJECTS × LOAD_TASKS), the routes measured and one autocannon run.
import autocannon = require('autocannon');
type Request = autocannon.Request;
import { Client } from 'pg';
import { insertGanttProject } from './gantt-project';

export const PROJECTS = Number(process.env['LOAD_PROJECTS'] ?? 20);
export const TASKS = Number(process.env['LOAD_TASKS'] ?? 5_000);
export const CONNECTIONS = Number(process.env['LOAD_CONNECTIONS'] ?? 100);

export interface World {
  projectIds: string[];
  day: string;
  /** Tasks a PATCH may move: one per connection, with its version. */
  tasks: { id: string; version: number; plannedStart: string; flip?: boolean }[];
}

export interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p975: number;
  errors: number;
  /** 409 answers (the task's version moved on meanwhile), counted apart from the errors. */
  conflicts: number;
  requests: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** The 20 projects of generated tasks (the first is the demo's calendar and crews). */
export async function prepare(databaseUrl: string): Promise<void> {
  for (let i = 0; i < PROJECTS; i++) {
    await insertGanttProject(databaseUrl, {
      tasks: TASKS,
      links: Math.round(TASKS * 1.5),
      code: `LOAD-${i + 1}`,
      seed: i + 1,
    });
  }
  // Unlinked tasks for the PATCH route, one per connection, spread over the projects: no other
  // PATCH pushes them (which would bump their versions).
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO tasks (id, project_id, title, department_id, crew_id, planned_start, planned_finish,
                          start_date, finish_date, duration_minutes)
       SELECT gen_random_uuid(), project_id, '负载测试 ' || n, department_id, crew_id, planned_start, planned_finish,
              start_date, finish_date, duration_minutes
         FROM (SELECT t.*, row_number() OVER (PARTITION BY t.project_id ORDER BY t.planned_start) AS n
                 FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.code LIKE 'LOAD-%') t
        WHERE n <= $1`,
      [Math.ceil(CONNECTIONS / PROJECTS)],
    );
  } finally {
    await client.end();
  }
}

export async function world(databaseUrl: string): Promise<World> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const projects = (await client.query(`SELECT id FROM projects WHERE code LIKE 'LOAD-%' ORDER BY code`)).rows;
    const projectIds = projects.map((p: { id: string }) => p.id);
    // The busiest day of the first project: its day plan.
    const [{ day }] = (
      await client.query(
        `SELECT (planned_start AT TIME ZONE 'Asia/Shanghai')::date::text AS day FROM tasks WHERE project_id = $1
          GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
        [projectIds[0]],
      )
    ).rows;
    const tasks = (
      await client.query(
        `SELECT id, version, planned_start FROM tasks WHERE project_id = ANY($1) AND title LIKE '负载测试 %' ORDER BY id`,
        [projectIds],
      )
    ).rows.map((r: { id: string; version: number; planned_start: Date }) => ({
      id: r.id,
      version: r.version,
      plannedStart: r.planned_start.toISOString(),
    }));
    return { projectIds, day, tasks };
  } finally {
    await client.end();
  }
}

/** The routes measured: a name and the request(s) one connection repeats. */
export function routes(w: World, token: string): { name: string; requests: Request[] }[] {
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const p = w.projectIds[0];
  let next = 0;
  const patch: Request = {
    method: 'PATCH',
    headers: auth,
    setupRequest: (request, context: Record<string, unknown>) => {
      // Each connection moves a task of its own back and forth by a day, with the version it last saw.
      // (The task objects are shared by the cold and the warm run, so the versions carry over.)
      if (context['task'] === undefined) context['task'] = w.tasks[next++ % w.tasks.length];
      const task = context['task'] as World['tasks'][number];
      task.flip = !task.flip;
      const start = Date.parse(task.plannedStart) + (task.flip ? 86_400_000 : 0);
      return {
        ...request,
        path: `/api/tasks/${task.id}`,
        body: JSON.stringify({ plannedStart: new Date(start).toISOString(), version: task.version }),
      };
    },
    onResponse: (status, body, context: Record<string, unknown>) => {
      if (status === 200) (context['task'] as { version: number }).version = JSON.parse(body).version;
      else {
        if (status === 409) (context['task'] as { version: number }).version = JSON.parse(body).currentVersion;
        if (process.env['LOAD_DEBUG']) console.error(status, body.slice(0, 300));
      }
    },
  };
  return [
    { name: 'health', requests: [{ method: 'GET', path: '/api/health' }] },
    { name: 'project', requests: [{ method: 'GET', path: `/api/projects/${p}`, headers: auth }] },
    {
      name: 'day_plan',
      requests: [{ method: 'GET', path: `/api/tasks?projectId=${p}&from=${w.day}&to=${w.day}`, headers: auth }],
    },
    {
      name: 'tasks_page_20',
      requests: [{ method: 'GET', path: `/api/tasks?projectId=${p}&page=1&pageSize=20`, headers: auth }],
    },
    {
      name: 'tasks_page_100',
      requests: [{ method: 'GET', path: `/api/tasks?projectId=${p}&page=1&pageSize=100`, headers: auth }],
    },
    { name: 'task_patch', requests: [patch] },
  ];
}

export function measure(url: string, requests: Request[], seconds: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    let conflicts = 0;
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, requests }, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      resolve({
        rps: Math.round(result.requests.total / seconds),
        p50: round(percentile(latencies, 0.5)),
        p95: round(percentile(latencies, 0.95)),
        p975: round(percentile(latencies, 0.975)),
        errors: errors + result.errors + result.timeouts,
        conflicts,
        requests: result.requests.total,
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode === 409) conflicts++;
      else if (statusCode >= 300) errors++;
    });
  });
}
