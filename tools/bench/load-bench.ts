// `npm run bench:load`: requests per second and latency of the busiest routes with autocannon,
// 100 connections, on 100,000 tasks over 20 projects (LOAD_PROJECTS × LOAD_TASKS), against one
// api and then two apis behind nginx (one PostgreSQL, one Redis). For each route and shape:
// a cold run (fresh processes, LOAD_COLD_SECONDS, default 10) and a warm run (LOAD_SECONDS,
// default 60); prints one figure per line: req/s, p50, p95, p97.5 and errors (non-2xx but 409),
// and for the PATCH route its 409 answers apart and the versions it wrote.
// LOAD_ROUTES (e.g. "day_plan,tasks_page_20") measures only those routes.
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { assertPrerequisites, startStack } from '../../apps/web-e2e/src/support/stack';
import { measure, prepare, PROJECTS, routes, settledVersions, TASKS, world } from './load-world';
import { cpus } from 'node:os';
import { cpuShares, listeningPid, pidsNamed } from './proc-cpu';

const SECONDS = Number(process.env['LOAD_SECONDS'] ?? 60);
const COLD_SECONDS = Number(process.env['LOAD_COLD_SECONDS'] ?? 10);
const SHAPES = (process.env['LOAD_SHAPES'] ?? '1,2').split(',').map(Number);
const ONLY = process.env['LOAD_ROUTES']?.split(',');

async function main(): Promise<void> {
  assertPrerequisites({ browser: false });
  console.log(`generating ${PROJECTS} projects × ${TASKS} tasks …`);
  for (const apis of SHAPES) {
    const stack = await startStack({
      apis,
      worker: false,
      prepare,
      env: { RATE_LIMIT_PER_MINUTE: '100000000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', DB_POOL_SIZE: '20' },
    });
    try {
      const admin = await ApiUser.login(stack.url, 'admin', 'demo-guanliyuan-2026');
      const w = await world(stack.databaseUrl);
      if (w.tasks.length < 1) throw new Error('no tasks to PATCH were prepared');
      for (const route of routes(w, admin.token).filter((r) => !ONLY || ONLY.includes(r.name))) {
        for (const [phase, seconds] of [
          ['cold', COLD_SECONDS],
          ['warm', SECONDS],
        ] as const) {
          if (seconds <= 0) continue;
          const patching = route.name === 'task_patch';
          const before = patching ? await settledVersions(stack.databaseUrl, w) : 0;
          // Where the cores went: the apis, PostgreSQL, the proxy and this process (autocannon).
          const cpu = cpuShares({
            apis: () => stack.apiUrls.map((url) => Number(listeningPid(new URL(url).port))),
            postgres: () => pidsNamed('postgres'),
            nginx: () => pidsNamed('nginx'),
          });
          const f = await measure(stack.url, route.requests, seconds, route.setupClient);
          const shares = cpu();
          const name = `load_${route.name}_${apis}api_${phase}`;
          console.log(`${name}_rps ${f.rps} req/s`);
          console.log(`${name}_p50 ${f.p50} ms`);
          console.log(`${name}_p95 ${f.p95} ms`);
          console.log(`${name}_p97_5 ${f.p975} ms`);
          console.log(
            `${name}_cpu ${Object.entries(shares)
              .map(([group, percent]) => `${group} ${percent} %`)
              .join(' · ')} (of ${cpus().length * 100} %)`,
          );
          console.log(`${name}_errors ${f.errors} of ${f.requests}${f.errors ? `  # ${f.errorKinds}` : ''}`);
          if (f.conflicts || patching) console.log(`${name}_conflicts_409 ${f.conflicts} of ${f.requests}`);
          if (patching) {
            // Every version written is a PATCH answered 200, or one still in flight when the run
            // stopped (at most one per connection): more would be writes of something else.
            const written = (await settledVersions(stack.databaseUrl, w)) - before;
            console.log(`${name}_versions_written ${written} for ${f.ok} PATCHes answered 200`);
          }
        }
      }
    } finally {
      await stack.stop();
    }
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
