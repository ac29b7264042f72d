// The schedule api at scale, against the built api on a scratch stack with two generated
// projects (10,000 tasks / 15,000 links, and 2,000 tasks / 3,008 links as in issue 13):
// the Gantt's payload on the wire (compact form, compressed), the first schedule of a fresh
// api (cold), the cached one (warm), the schedule after an edit, task PATCHes that move the
// plan, and adding links. Prints one figure per line: name, value, unit; first how fast the
// machine is (machine_reference_*: the same fixed work every time).
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { startStack } from '../../apps/web-e2e/src/support/stack';
import { Client } from 'pg';
import { insertGanttProject, plannedInOrder } from './gantt-project';
import { javascriptReferenceMs, postgresReferenceMs } from './machine-reference';
import { percentile } from './stats';

interface Listed {
  tasks: {
    id: string;
    projectId: string;
    code: number;
    title: string;
    plannedStart: string;
    version: number;
    durationMinutes: number;
    status: string;
  }[];
  dependencies: { predecessorId: string; successorId: string }[];
}

const COMPACT = 'application/vnd.worksite.schedule-compact+json';

function figure(name: string, value: number, unit: string, note = ''): void {
  console.log(`${name} ${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}${note ? `  # ${note}` : ''}`);
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const began = performance.now();
  const value = await work();
  return [performance.now() - began, value];
}

async function main(): Promise<void> {
  const projects: Record<'big' | 'mid', string> = { big: '', mid: '' };
  // Two apis (nginx in front, unused here): the first computes, the second is a fresh api that
  // finds the first one's answer in the schedule bodies shared through Redis.
  const stack = await startStack({
    worker: false,
    apis: 2,
    prepare: async (url) => {
      projects.big = (await insertGanttProject(url, { tasks: 10_000, links: 15_000 })).projectId;
      projects.mid = (
        await insertGanttProject(url, { tasks: 2_000, links: 3_008, code: 'BENCH-2K', seed: 13 })
      ).projectId;
      // As autovacuum leaves a database that has been in use: statistics and hint bits set, so the
      // first reads of the api do not pay for writing back 25,000 freshly inserted rows' pages.
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query('VACUUM ANALYZE tasks, dependencies');
      await client.end();
    },
  });
  try {
    figure(
      'machine_reference_js_ms',
      javascriptReferenceMs(),
      'ms',
      'sort 1M numbers + JSON round trip of 100k objects',
    );
    figure('machine_reference_pg_ms', await postgresReferenceMs(stack.databaseUrl), 'ms', 'md5 of 500k rows');
    const [api, peer] = stack.apiUrls;
    const admin = await ApiUser.login(api, 'admin', 'demo-guanliyuan-2026');
    /** GET schedule as the web app asks for it: compact, compressed. Returns ms and bytes on the wire. */
    const fetchSchedule = async (projectId: string, accept = COMPACT, encoding = 'br, gzip', base = api) => {
      const [ms, bytes] = await timed(async () => {
        const response = await fetch(`${base}/api/projects/${projectId}/schedule`, {
          headers: { authorization: `Bearer ${admin.token}`, accept, 'accept-encoding': encoding },
        });
        if (!response.ok) throw new Error(`GET schedule: ${response.status} ${await response.text()}`);
        const body = await response.arrayBuffer();
        return Number(response.headers.get('content-length') ?? body.byteLength);
      });
      return { ms, bytes };
    };

    // Cold: the first request of a fresh api process, nothing computed anywhere yet.
    const cold = await fetchSchedule(projects.big);
    const warm: number[] = [];
    for (let i = 0; i < 7; i++) warm.push((await fetchSchedule(projects.big)).ms);
    // The first request of the other fresh api: the revision the first one computed, from Redis.
    const peerCold = await fetchSchedule(projects.big, COMPACT, 'br, gzip', peer);
    // Let the peer's background copy finish before the timings that follow.
    await new Promise((done) => setTimeout(done, 3000));
    const full = await fetchSchedule(projects.big, 'application/json', 'gzip');
    const plain = await fetchSchedule(projects.big, 'application/json', 'identity');
    figure('schedule_payload_bytes_wire', cold.bytes, 'bytes', '10,000 tasks, compact form, br');
    figure('schedule_payload_bytes_wire_full_gzip', full.bytes, 'bytes', 'ProjectScheduleDto JSON, gzip');
    figure('schedule_payload_bytes_full_identity', plain.bytes, 'bytes', 'ProjectScheduleDto JSON, uncompressed');
    figure('schedule_first_request_ms', peerCold.ms, 'ms', 'cold: fresh api, revision computed by another api (Redis)');
    figure('schedule_first_compute_ms', cold.ms, 'ms', 'cold: fresh api, nothing computed anywhere');
    figure('schedule_cached_ms', percentile(warm, 50), 'ms', 'warm: cached, revision checked, median of 7');

    const listed = await admin.get<Listed>(`projects/${projects.big}/schedule`);
    // A coordinator's save in a warm api: PATCH one task's title (a new revision), then the Gantt's reload.
    const afterEdit: number[] = [];
    const titlePatches: number[] = [];
    for (const [n, task] of listed.tasks.slice(0, 5).entries()) {
      const current = await admin.get<{ version: number }>(`tasks/${task.id}`);
      titlePatches.push(
        (
          await timed(() =>
            admin.patch(`tasks/${task.id}`, { version: current.version, title: `${task.title} (${n})` }),
          )
        )[0],
      );
      afterEdit.push((await fetchSchedule(projects.big)).ms);
    }
    figure('schedule_after_edit_ms', percentile(afterEdit, 50), 'ms', 'warm api, after a task PATCH, median of 5');

    // PATCHes that move the plan: one more hour of work, pushing what follows (10,000 tasks):
    // tasks in the last tenth of the plan (links between the buildings' packages put up to
    // ~1,000 tasks after each: 0 to ~990 move, ~430 on average), then one early task: most
    // of the project follows it; how much of it moves depends on the slack the packages' release
    // dates leave after that task (its note says how many moved).
    const planned = plannedInOrder(listed.tasks);
    const late = planned
      .slice(-Math.floor(planned.length / 10))
      .filter((_, i) => i % 25 === 0)
      .slice(0, 30);
    const longer = async (taskId: string) => {
      const current = await admin.get<{ version: number; durationMinutes: number }>(`tasks/${taskId}`);
      const before = await writesSoFar(stack.databaseUrl, projectId(listed));
      const [ms] = await timed(() =>
        admin.patch(`tasks/${taskId}`, { version: current.version, durationMinutes: current.durationMinutes + 60 }),
      );
      const phases = admin.lastServerTiming;
      // The edited task's own write is not a push.
      return { ms, phases, pushed: (await writesSoFar(stack.databaseUrl, projectId(listed))) - before - 1 };
    };
    const movePatches: { ms: number; pushed: number; phases: Readonly<Record<string, number>> }[] = [];
    for (const task of late) movePatches.push(await longer(task.id));
    if (process.env['BENCH_EACH']) {
      console.log(movePatches.map((p) => `${p.pushed}:${p.ms.toFixed(0)}`).join(' '));
      for (const p of movePatches) console.log(`  ${p.pushed} moved ${p.ms.toFixed(1)} ms: ${phasesText(p.phases)}`);
    }
    const pushed = movePatches.reduce((sum, patch) => sum + patch.pushed, 0) / movePatches.length;
    const note = `10,000 tasks, duration +1 h late in the plan, ${movePatches.length} PATCHes, ${pushed.toFixed(0)} tasks moved on average`;
    figure(
      'task_patch_p50_ms',
      percentile(
        movePatches.map((p) => p.ms),
        50,
      ),
      'ms',
      note,
    );
    figure(
      'task_patch_p95_ms',
      percentile(
        movePatches.map((p) => p.ms),
        95,
      ),
      'ms',
      note,
    );
    // Where the PATCH at the p95 rank spent its time, by the api's Server-Timing phases.
    const atP95 = movePatches.find(
      (p) =>
        p.ms ===
        percentile(
          movePatches.map((q) => q.ms),
          95,
        ),
    );
    if (!atP95) throw new Error('no PATCH at the p95 rank');
    for (const phase of PATCH_PHASES) {
      const ms = atP95.phases[phase];
      if (ms === undefined) throw new Error(`the api's Server-Timing named no ${phase}: ${phasesText(atP95.phases)}`);
      figure(
        `task_patch_p95_${phase.replace('-', '_')}_ms`,
        ms,
        'ms',
        `the PATCH at the p95 rank (${atP95.pushed} moved), in the api`,
      );
    }
    figure(
      'task_patch_first_ms',
      movePatches[0].ms,
      'ms',
      `cold: the first of them, the first push of this api (${movePatches[0].pushed} tasks moved)`,
    );
    figure('task_patch_title_p95_ms', percentile(titlePatches, 95), 'ms', '10,000 tasks, title only, 5 PATCHes');
    const early = await longer(planned[100].id);
    figure('task_patch_push_ms', early.ms, 'ms', `one PATCH early in the plan (+1 h) moving ${early.pushed} tasks`);

    // The project as the coordinator downloads it (.xlsx, issue 13: ≤ 5 s for 10,000 tasks).
    for (const run of ['cold', 'warm']) {
      const [ms, bytes] = await timed(async () => {
        const response = await fetch(`${api}/api/projects/${projects.big}/export.xlsx`, {
          headers: { authorization: `Bearer ${admin.token}` },
        });
        if (!response.ok) throw new Error(`GET export.xlsx: ${response.status} ${await response.text()}`);
        return (await response.arrayBuffer()).byteLength;
      });
      figure(`export_xlsx_seconds{tasks=10000,${run}}`, ms / 1000, 's', `${bytes} bytes`);
    }

    for (const [label, projectId] of [
      ['2000', projects.mid],
      ['10000', projects.big],
    ] as const) {
      const { times, inApi } = await addLinks(admin, projectId, 30);
      figure(`link_add_ms_p50{tasks=${label}}`, percentile(times, 50), 'ms', `${times.length} links added, round trip`);
      figure(`link_add_ms_p95{tasks=${label}}`, percentile(times, 95), 'ms', `${times.length} links added, round trip`);
      figure(`link_add_api_ms_p50{tasks=${label}}`, percentile(inApi, 50), 'ms', 'in the api (Server-Timing)');
      figure(`link_add_api_ms_p95{tasks=${label}}`, percentile(inApi, 95), 'ms', 'in the api (Server-Timing)');
    }
  } finally {
    await stack.stop();
  }
}

const projectId = (listed: Listed) => listed.tasks[0]?.projectId ?? '';

/** The api's Server-Timing phases of a pushing PATCH (app is the whole time in the api). */
const PATCH_PHASES = ['app', 'plan-lock', 'push-read', 'push-engine', 'push-write'] as const;

const phasesText = (phases: Readonly<Record<string, number>>) =>
  Object.entries(phases)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(', ');

/** Task writes so far (each write bumps a version), read from the database. */
async function writesSoFar(databaseUrl: string, project: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT sum(version)::int AS n FROM tasks WHERE project_id = $1', [project]);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * Adds `count` links, each to a task nothing follows yet (so none closes a cycle) from a task
 * earlier in the plan, and times each POST: round trip, and in the api by its Server-Timing.
 */
async function addLinks(
  admin: ApiUser,
  projectId: string,
  count: number,
): Promise<{ times: number[]; inApi: number[] }> {
  const listed = await admin.get<Listed>(`projects/${projectId}/schedule`);
  const followed = new Set(listed.dependencies.map((link) => link.predecessorId));
  const linked = new Set(listed.dependencies.map((link) => `${link.predecessorId}>${link.successorId}`));
  const tasks = listed.tasks.filter((task) => task.status !== 'cancelled');
  const sinks = tasks.filter((task) => !followed.has(task.id));
  const times: number[] = [];
  const inApi: number[] = [];
  for (let i = 0; times.length < count && i < sinks.length; i++) {
    const successor = sinks[(i * 7919) % sinks.length];
    const predecessor = tasks[(i * 104_729) % Math.max(1, tasks.indexOf(successor))];
    if (!predecessor || predecessor.id === successor.id || linked.has(`${predecessor.id}>${successor.id}`)) continue;
    linked.add(`${predecessor.id}>${successor.id}`);
    const [ms] = await timed(() =>
      admin.post('dependencies', {
        predecessorId: predecessor.id,
        successorId: successor.id,
        type: 'FS',
        lagMinutes: 0,
      }),
    );
    times.push(ms);
    if (admin.lastServerMs === null) throw new Error('the api sent no Server-Timing header');
    inApi.push(admin.lastServerMs);
  }
  return { times, inApi };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
