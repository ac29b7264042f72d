// Probe of the task PATCH (issue 16), not a bench of record: the PATCHes of bench:schedule-api
// (duration + 1 h late in a 10,000-task plan; PROBE_PATCHES, default 60) and titles, round trip
// and Server-Timing, and the CPU time per pushing PATCH of the api and of its PostgreSQL
// connections (from /proc: on a busy machine it varies less than wall time).
// PROBE_LOG=1 logs every statement of the api with its time to PostgreSQL's log, PROBE_LOG=explain
// also the plans of the slow ones, nested statements (triggers) included. PROBE_SQL runs its
// statements (separated by ;) on the scratch database before the PATCHes: an index or a table
// setting tried against the same run. It prints how many task row updates were HOT.
// Run: tools/ts-run.sh tools/bench/patch-probe.ts (after nx build api worker web).
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { startStack } from '../../apps/web-e2e/src/support/stack';
import { Client } from 'pg';
import { insertGanttProject, plannedInOrder } from './gantt-project';
import { cpuMs, listeningPid } from './proc-cpu';
import { percentile } from './stats';

interface Listed {
  tasks: { id: string; projectId: string; code: number; title: string; plannedStart: string; status: string }[];
}

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  let projectId = '';
  const stack = await startStack({
    worker: false,
    apis: 1,
    prepare: async (url) => {
      projectId = (await insertGanttProject(url, { tasks: 10_000, links: 15_000 })).projectId;
      for (const statement of (process.env['PROBE_SQL'] ?? '').split(';').filter((s) => s.trim())) {
        await sql(url, statement);
      }
      await sql(url, 'VACUUM ANALYZE tasks, dependencies');
      if (process.env['PROBE_LOG']) {
        const name = new URL(url).pathname.slice(1);
        await sql(url, `ALTER DATABASE "${name}" SET log_min_duration_statement = 0`);
        if (process.env['PROBE_LOG'] === 'explain') {
          await sql(url, `ALTER DATABASE "${name}" SET session_preload_libraries = 'auto_explain'`);
          await sql(url, `ALTER DATABASE "${name}" SET auto_explain.log_min_duration = 3`);
          await sql(url, `ALTER DATABASE "${name}" SET auto_explain.log_analyze = on`);
          await sql(url, `ALTER DATABASE "${name}" SET auto_explain.log_nested_statements = on`);
        }
        console.log(`database ${name}`);
      }
    },
  });
  try {
    const admin = await ApiUser.login(stack.apiUrls[0], 'admin', 'demo-guanliyuan-2026');
    const listed = await admin.get<Listed>(`projects/${projectId}/schedule`);
    const planned = plannedInOrder(listed.tasks);
    const count = Number(process.env['PROBE_PATCHES'] ?? 60);
    const late = planned.slice(-Math.floor(planned.length / 10)).filter((_, i) => i % 12 === 0);
    const sum = async () =>
      (
        await sql<{ n: number }>(stack.databaseUrl, 'SELECT sum(version)::int AS n FROM tasks WHERE project_id = $1', [
          projectId,
        ])
      )[0].n;
    const patch = async (taskId: string, body: (current: { version: number; durationMinutes: number }) => object) => {
      const current = await admin.get<{ version: number; durationMinutes: number }>(`tasks/${taskId}`);
      const before = await sum();
      const began = performance.now();
      await admin.patch(`tasks/${taskId}`, body(current));
      const ms = performance.now() - began;
      return { ms, api: admin.lastServerMs ?? NaN, pushed: (await sum()) - before - 1 };
    };
    const longer = (c: { version: number; durationMinutes: number }) => ({
      version: c.version,
      durationMinutes: c.durationMinutes + 60,
    });
    // Warm-up: the JIT and the pool's connections.
    for (const task of late.slice(-10)) await patch(task.id, longer);
    const port = new URL(stack.apiUrls[0]).port;
    const apiPid = Number(listeningPid(port));
    const dbName = new URL(stack.databaseUrl).pathname.slice(1);
    const backends = async () =>
      (
        await sql<{ pid: number }>(
          stack.databaseUrl,
          'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [dbName],
        )
      ).map((r) => r.pid);
    const pgPids = await backends();
    const cpuBefore = { api: cpuMs([apiPid]), pg: cpuMs(pgPids) };
    const moves = [];
    for (const task of late.slice(0, count)) moves.push(await patch(task.id, longer));
    const n = moves.length;
    console.log(
      `CPU per move PATCH: api ${((cpuMs([apiPid]) - cpuBefore.api) / n).toFixed(1)} ms, postgres ${((cpuMs(pgPids) - cpuBefore.pg) / n).toFixed(1)} ms (${pgPids.length} backends; the probe's own reads included)`,
    );
    const titles = [];
    for (const [n, task] of planned.slice(0, 20).entries()) {
      titles.push(await patch(task.id, (c) => ({ version: c.version, title: `${task.title} (${n})` })));
    }
    const show = (name: string, rows: { ms: number; api: number; pushed: number }[]) => {
      const pushed = rows.reduce((s, r) => s + r.pushed, 0) / rows.length;
      console.log(
        `${name}: n=${rows.length} pushed≈${pushed.toFixed(0)} round trip p50 ${percentile(
          rows.map((r) => r.ms),
          50,
        ).toFixed(1)} p95 ${percentile(
          rows.map((r) => r.ms),
          95,
        ).toFixed(1)} | api p50 ${percentile(
          rows.map((r) => r.api),
          50,
        ).toFixed(1)} p95 ${percentile(
          rows.map((r) => r.api),
          95,
        ).toFixed(1)}`,
      );
    };
    if (process.env['PROBE_EACH']) {
      for (const m of [...moves].sort((a, b) => a.ms - b.ms))
        console.log(`  pushed ${m.pushed} round trip ${m.ms.toFixed(1)} api ${m.api.toFixed(1)}`);
    }
    const [hot] = await sql<{ upd: string; hot: string }>(
      stack.databaseUrl,
      "SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'tasks'",
    );
    console.log(`task row updates ${hot.upd}, of them HOT (no index entries) ${hot.hot}`);
    show('move PATCH', moves);
    show('title PATCH', titles);
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
