// Compares api builds on the bench:load world by what one request costs, not only by req/s:
// on a shared machine the rate follows whatever else runs, while the CPU time the api process
// and PostgreSQL's backends spend per request hardly does. LOAD_AB_DIRS lists built api
// directories (e.g. copies of dist/apps/api before and after a change); all run side by side on
// one database, and each round loads every route on each of them in turn, every other round in
// the reverse order (LOAD_AB_ROUNDS, default 2; LOAD_SECONDS per run, default 10; LOAD_ROUTES as
// in bench:load). An entry may add node flags after its directory, separated by spaces (e.g.
// "dist/apps/api,dist/apps/api --max-semi-space-size=64": one build run two ways; an entry
// without flags runs with node's defaults, not those of tools/node-flags.json). Prints per run:
// req/s, p95, api CPU ms per request, PostgreSQL CPU ms per request, the api's resident memory
// (now and at its peak); at the end the median of each build and route over the rounds.
// Usage: tools/ts-run.sh tools/bench/load-ab.ts (after building dist/apps once).
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { quietNightRunEnv } from '@worksite/notices-testing';
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { assertPrerequisites, freePort, ROOT, startStack } from '../../apps/web-e2e/src/support/stack';
import { measure, prepare, routes, world } from './load-world';
import { cpuMs as cpuOf, residentMb } from './proc-cpu';
import { percentile } from './stats';

const cpuMs = (pid: number) => cpuOf([pid]);

const DIRS = (process.env['LOAD_AB_DIRS'] ?? '').split(',').filter(Boolean);
const ROUNDS = Number(process.env['LOAD_AB_ROUNDS'] ?? 2);
const SECONDS = Number(process.env['LOAD_SECONDS'] ?? 10);
const ONLY = process.env['LOAD_ROUTES']?.split(',');

async function backends(databaseUrl: string): Promise<number[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.map((row: { pid: number }) => row.pid);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  assertPrerequisites({ browser: false });
  if (DIRS.length === 0) throw new Error('LOAD_AB_DIRS: the built api directories to compare');
  const secret = randomBytes(24).toString('hex');
  const benchEnv = { RATE_LIMIT_PER_MINUTE: '100000000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', DB_POOL_SIZE: '20' };
  const stack = await startStack({ apis: 1, worker: false, prepare, env: { ...benchEnv, JWT_SECRET: secret } });
  const children: ChildProcess[] = [];
  try {
    const w = await world(stack.databaseUrl);
    const apis: { dir: string; url: string; pid: number }[] = [];
    for (const [i, dir] of DIRS.entries()) {
      const port = await freePort();
      const [path, ...flags] = dir.split(' ').filter(Boolean);
      const child = spawn('node', [...flags, resolve(path, 'main.js')], {
        cwd: ROOT,
        stdio: 'ignore',
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: stack.databaseUrl,
          REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
          REDIS_PREFIX: stack.redisPrefix,
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          WEB_DIST_DIR: 'dist/apps/web/browser',
          SMTP_URL: `smtp://127.0.0.1:${stack.smtp.port}`,
          JWT_SECRET: secret,
          LOG_LEVEL: 'warn',
          ...quietNightRunEnv(),
          ...benchEnv,
          PORT: String(port),
          INSTANCE_ID: `ab-${i + 1}`,
        },
      });
      children.push(child);
      apis.push({ dir, url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0 });
    }
    for (const api of apis) {
      for (
        let tries = 0;
        !(await fetch(`${api.url}/api/health`).then(
          (r) => r.ok,
          () => false,
        ));
        tries++
      ) {
        if (tries > 240) throw new Error(`${api.dir} did not become healthy`);
        await new Promise((ok) => setTimeout(ok, 250));
      }
    }
    const admin = await ApiUser.login(stack.url, 'admin', 'demo-guanliyuan-2026');
    const chosen = routes(w, admin.token).filter((r) => r.name !== 'task_patch' && (!ONLY || ONLY.includes(r.name)));
    for (const api of apis) for (const route of chosen) await measure(api.url, route.requests, 2); // warm up
    const results = new Map<string, { rps: number; apiMs: number; pgMs: number }[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      // Every other round in the reverse order: whichever build runs second in a round is not always the same one.
      for (const api of round % 2 === 1 ? apis : [...apis].reverse()) {
        for (const route of chosen) {
          // Backends come and go with the pool: count those alive after the run (from 0 if new).
          const pgBefore = new Map((await backends(stack.databaseUrl)).map((pid) => [pid, cpuMs(pid)]));
          const apiBefore = cpuMs(api.pid);
          const f = await measure(api.url, route.requests, SECONDS);
          const apiMs = (cpuMs(api.pid) - apiBefore) / f.requests;
          const pgAfter = await backends(stack.databaseUrl);
          const pgMs = pgAfter.reduce((sum, pid) => sum + cpuMs(pid) - (pgBefore.get(pid) ?? 0), 0) / f.requests;
          const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
          const memory = residentMb(api.pid);
          const key = `${api.dir} ${route.name}`;
          results.set(key, [...(results.get(key) ?? []), { rps: f.rps, apiMs, pgMs }]);
          console.log(
            `round ${round} ${api.dir} ${route.name}: ${f.rps} req/s, p95 ${f.p95} ms, errors ${f.errors}, ` +
              `api ${apiMs.toFixed(3)} ms CPU/request, PostgreSQL ${pgMs.toFixed(3)} ms CPU/request (load ${load}), ` +
              `api resident ${memory?.now} MB (peak ${memory?.peak} MB)`,
          );
        }
      }
    }
    const median = (values: number[]) => percentile(values, 50);
    for (const [key, runs] of results) {
      console.log(
        `median of ${runs.length} ${key}: ${median(runs.map((r) => r.rps))} req/s, ` +
          `api ${median(runs.map((r) => r.apiMs)).toFixed(3)} ms CPU/request, ` +
          `PostgreSQL ${median(runs.map((r) => r.pgMs)).toFixed(3)} ms CPU/request`,
      );
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((ok) => setTimeout(ok, 1000));
    await stack.stop();
  }
  process.exit(0);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
