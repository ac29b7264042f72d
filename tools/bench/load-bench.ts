// `npm run bench:load`: requests per second and latency of the busiest routes with autocannon,
// 100 connections, on 100,000 tasks over 20 projects (LOAD_PROJECTS × LOAD_TASKS), against one
// api and then two apis behind nginx (one PostgreSQL, one Redis). For each route and shape:
// a cold run (fresh processes, LOAD_COLD_SECONDS, default 10) and a warm run (LOAD_SECONDS,
// default 60); prints one figure per line: req/s, p50, p95, p97.5 and errors (non-2xx but 409),
// and for the PATCH route its 409 answers apart and the versions it wrote.
// LOAD_ROUTES (e.g. "day_plan,tasks_page_20") measures only those routes.
// LOAD_API_CPUS (e.g. 0.5) limits each api to that many cores (a cgroup each; Linux, as root), as
// if each ran on a machine of its own, so that the apis' cores are the limit and not what they
// share with PostgreSQL, nginx and autocannon. Both shapes then run side by side, and each route
// is loaded on one api and on two in turn, LOAD_ROUNDS times (default 3, every other round two
// first; warm runs of LOAD_SECONDS): a machine whose speed drifts within minutes shifts both
// runs of a round alike. Each round prints how many times one api's req/s two give
// (`…_scale_rN`), and each route the median of its rounds (`…_scale_warm`).
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { assertPrerequisites, Stack, startStack } from '../../apps/web-e2e/src/support/stack';
import { measure, prepare, PROJECTS, Route, routes, settledVersions, TASKS, World, world } from './load-world';
import { cpus } from 'node:os';
import { cpuShares, listeningPid, pidsNamed } from './proc-cpu';
import { CpuQuota, limitCpu } from './cpu-quota';
import { percentile } from './stats';

const SECONDS = Number(process.env['LOAD_SECONDS'] ?? 60);
const COLD_SECONDS = Number(process.env['LOAD_COLD_SECONDS'] ?? 10);
const SHAPES = (process.env['LOAD_SHAPES'] ?? '1,2').split(',').map(Number);
const ONLY = process.env['LOAD_ROUTES']?.split(',');
const API_CPUS = process.env['LOAD_API_CPUS'] ? Number(process.env['LOAD_API_CPUS']) : undefined;
const ROUNDS = Number(process.env['LOAD_ROUNDS'] ?? 3);

/** A running stack of `apis` apis with its world and routes. */
interface Shape {
  apis: number;
  stack: Stack;
  w: World;
  routes: Route[];
  quotas: CpuQuota[];
}

async function startShape(apis: number): Promise<Shape> {
  const stack = await startStack({
    apis,
    worker: false,
    prepare,
    env: { RATE_LIMIT_PER_MINUTE: '100000000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', DB_POOL_SIZE: '20' },
  });
  const quotas: CpuQuota[] = [];
  try {
    if (API_CPUS !== undefined) {
      stack.apiUrls.forEach((url, i) =>
        quotas.push(limitCpu(Number(listeningPid(new URL(url).port)), API_CPUS, `${apis}api${i + 1}`)),
      );
    }
    const admin = await ApiUser.login(stack.url, 'admin', 'demo-guanliyuan-2026');
    const w = await world(stack.databaseUrl);
    if (w.tasks.length < 1) throw new Error('no tasks to PATCH were prepared');
    return { apis, stack, w, quotas, routes: routes(w, admin.token).filter((r) => !ONLY || ONLY.includes(r.name)) };
  } catch (error) {
    await stack.stop();
    for (const quota of quotas) quota.remove();
    throw error;
  }
}

async function stopShape(shape: Shape): Promise<void> {
  await shape.stack.stop();
  for (const quota of shape.quotas) quota.remove();
}

/** Loads one route of a shape for `seconds` and prints its figures; returns its req/s. */
async function run(shape: Shape, route: Route, phase: string, seconds: number): Promise<number> {
  const { stack, w } = shape;
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
  const name = `load_${route.name}_${shape.apis}api_${phase}`;
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
  return f.rps;
}

/** One shape after the other, each route cold and then warm. */
async function shapeAfterShape(): Promise<void> {
  for (const apis of SHAPES) {
    const shape = await startShape(apis);
    try {
      for (const route of shape.routes) {
        if (COLD_SECONDS > 0) await run(shape, route, 'cold', COLD_SECONDS);
        if (SECONDS > 0) await run(shape, route, 'warm', SECONDS);
      }
    } finally {
      await stopShape(shape);
    }
  }
}

/** One api and two apis side by side, each route on each in turn (LOAD_API_CPUS). */
async function sideBySide(cores: number): Promise<void> {
  if (!(cores > 0) || !(Number.isInteger(ROUNDS) && ROUNDS >= 1) || !(SECONDS > 0)) {
    throw new Error(
      `✖ LOAD_API_CPUS needs a positive number of cores, LOAD_ROUNDS ≥ 1 and LOAD_SECONDS > 0 (got ${cores}, ${ROUNDS}, ${SECONDS})`,
    );
  }
  console.log(`load_api_cpus ${cores} cores  # each api limited to this (cgroup)`);
  const shapes: Shape[] = [];
  try {
    for (const apis of [1, 2]) shapes.push(await startShape(apis));
    const [one, two] = shapes;
    for (const route of one.routes) {
      const twoRoute = two.routes.find((r) => r.name === route.name);
      if (!twoRoute) throw new Error(`✖ route ${route.name} is missing on two apis`);
      const ratios: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const phase = `warm_r${round}`;
        let oneRps: number;
        let twoRps: number;
        if (round % 2 === 1) {
          oneRps = await run(one, route, phase, SECONDS);
          twoRps = await run(two, twoRoute, phase, SECONDS);
        } else {
          twoRps = await run(two, twoRoute, phase, SECONDS);
          oneRps = await run(one, route, phase, SECONDS);
        }
        ratios.push(twoRps / oneRps);
        console.log(`load_${route.name}_scale_r${round} ${(twoRps / oneRps).toFixed(2)} ×`);
      }
      console.log(
        `load_${route.name}_scale_warm ${percentile(ratios, 50).toFixed(2)} ×  # two apis' req/s over one api's, median of ${ROUNDS} rounds`,
      );
    }
  } finally {
    for (const shape of shapes) await stopShape(shape);
  }
}

async function main(): Promise<void> {
  assertPrerequisites({ browser: false });
  console.log(`generating ${PROJECTS} projects × ${TASKS} tasks …`);
  await (API_CPUS === undefined ? shapeAfterShape() : sideBySide(API_CPUS));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
