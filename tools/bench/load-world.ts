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
  /** What the errors were: HTTP statuses, connection errors and timeouts, e.g. "502×2, timeout×1". */
  errorKinds: string;
  /** 409 answers (the task's version moved on meanwhile), counted apart from the errors. */
  conflicts: number;
  /** 2xx answers. */
  ok: number;
  requests: number;
}

/** A route measured: a name, the request(s) one connection repeats, or a setup per connection. */
export interface Route {
  name: string;
  requests: Request[];
  setupClient?: (client: autocannon.Client) => void;
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

/**
 * The PATCH route as users edit: each connection moves a task of its own back and forth by a
 * day, each time with the version the previous answer returned (a 409 answer's
 * `currentVersion` after a conflict), as the web app does. The task is bound to the connection
 * in `setupClient`: autocannon clears a request's `context` whenever a connection comes back to
 * its first request — with one request, before every request — so a task kept there was drawn
 * anew from a shared counter each time, and two connections sent the same task with the same
 * version at once (the second answered 409): that was the bench, not the api.
 */
function patchRoute(w: World, auth: Record<string, string>): Route {
  let next = 0;
  const patchOf = (task: World['tasks'][number]): Request => ({
    method: 'PATCH',
    path: `/api/tasks/${task.id}`,
    headers: auth,
    setupRequest: (request) => {
      task.flip = !task.flip;
      const start = Date.parse(task.plannedStart) + (task.flip ? 86_400_000 : 0);
      return {
        ...request,
        body: JSON.stringify({ plannedStart: new Date(start).toISOString(), version: task.version }),
      };
    },
    onResponse: (status, body) => {
      if (status === 200) task.version = JSON.parse(body).version;
      else {
        if (status === 409) task.version = JSON.parse(body).currentVersion;
        if (process.env['LOAD_DEBUG']) console.error(status, body.slice(0, 300));
      }
    },
  });
  return {
    name: 'task_patch',
    // Replaced per connection (the task objects are shared by the cold and the warm run, so the
    // versions carry over; each run's connections take the tasks one each).
    requests: [{ method: 'PATCH', path: `/api/tasks/${w.tasks[0].id}`, headers: auth }],
    setupClient: (client) => client.setRequests([patchOf(w.tasks[next++ % w.tasks.length])]),
  };
}

/**
 * The stored versions of the tasks the PATCH route edits, once the api has finished the PATCHes
 * still in flight when autocannon stopped (it drops their answers): read until the sum stays
 * the same for half a second. Returns the sum, and sets each task's version to the stored one
 * (as a user who lost an answer reloads), so the next run starts without stale versions.
 */
export async function settledVersions(databaseUrl: string, w: World): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let last = -1;
    for (let attempt = 0; attempt < 40; attempt++) {
      const { rows } = await client.query('SELECT id, version FROM tasks WHERE id = ANY($1::uuid[])', [
        w.tasks.map((task) => task.id),
      ]);
      const sum = rows.reduce((total: number, row: { version: number }) => total + row.version, 0);
      if (sum === last) {
        const stored = new Map(rows.map((row: { id: string; version: number }) => [row.id, row.version]));
        for (const task of w.tasks) task.version = stored.get(task.id) ?? task.version;
        return sum;
      }
      last = sum;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('the PATCHed tasks kept changing after the run stopped');
  } finally {
    await client.end();
  }
}

/** The routes measured. */
export function routes(w: World, token: string): Route[] {
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const p = w.projectIds[0];
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
    patchRoute(w, auth),
  ];
}

/** One autocannon run; `setupClient` (a route's) sets up each connection. */
export function measure(
  url: string,
  requests: Request[],
  seconds: number,
  setupClient?: Route['setupClient'],
): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    const kinds = new Map<string, number>();
    const count = (kind: string) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    let conflicts = 0;
    let ok = 0;
    const options = {
      url,
      connections: CONNECTIONS,
      duration: seconds,
      requests,
      ...(setupClient ? { setupClient } : {}),
    };
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      resolve({
        rps: Math.round(result.requests.total / seconds),
        p50: round(percentile(latencies, 0.5)),
        p95: round(percentile(latencies, 0.95)),
        p975: round(percentile(latencies, 0.975)),
        // autocannon's errors include its timeouts.
        errors: errors + result.errors,
        errorKinds: [...kinds].map(([kind, n]) => `${kind}×${n}`).join(', '),
        conflicts,
        ok,
        requests: result.requests.total,
      });
    });
    instance.on('reqError', (error: Error & { code?: string }) => count(error.code ?? error.message));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 300) ok++;
      else if (statusCode === 409) conflicts++;
      else if (statusCode >= 300) {
        errors++;
        count(String(statusCode));
      }
    });
  });
}
