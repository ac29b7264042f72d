// `npm run bench:look-ahead`: the make-ready readings at scale, against the built api on a
// scratch stack (its own database: the demo plus a generated project of 10,000 tasks, 15,000
// links and 5,000 constraints, look-ahead-project.ts). Prints one figure per line (name, value,
// unit): the 6-week look-ahead's first request of a fresh api (cold) and p50/p95 of 50 requests
// (warm), then the same for the readiness and an agency's upstream blocks. Target: look-ahead ≤ 100 ms warm.
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { startStack } from '../../apps/web-e2e/src/support/stack';
import { Client } from 'pg';
import { insertLookAheadProject } from './look-ahead-project';
import { percentile } from './stats';

const PACKAGES = 1_000;
const LINKS = 15_000;
const CONSTRAINTS = Number(process.env['LOOK_AHEAD_CONSTRAINTS'] ?? 5_000);
const WARM = 50;

function figure(name: string, value: number, unit: string, note = ''): void {
  console.log(`${name} ${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}${note ? `  # ${note}` : ''}`);
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
  let project = { projectId: '', tasks: 0, links: 0, constraints: 0, open: 0 };
  const stack = await startStack({
    worker: false,
    prepare: async (url) => {
      project = await insertLookAheadProject(url, { packages: PACKAGES, links: LINKS, constraints: CONSTRAINTS });
    },
  });
  try {
    const admin = await ApiUser.login(stack.url, 'admin', 'demo-guanliyuan-2026');
    const api = `${stack.url}/api`;
    const { projectId } = project;
    console.error(
      `${project.tasks} tasks, ${project.links} links, ${project.constraints} constraints (${project.open} open); measuring…`,
    );
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
        const rows = (body as { rows: { tasks: { id: string }[] }[] }).rows;
        const held = new Set(rows.flatMap((row) => row.tasks.map((task) => task.id)));
        return `${rows.length} open constraints listed, holding back ${held.size} tasks of one department`;
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
