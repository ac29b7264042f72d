// Where a bench:load request's time goes, for one api on the bench:load world:
// - the SQL statements one request of each route sends (count and duration, from PostgreSQL's
//   own statement log of the api's connections), with PROFILE_SQL=1;
// - a CPU profile of the api (through its inspector) while autocannon loads one route for
//   PROFILE_SECONDS (default 10): self time by package and the hottest functions; the
//   .cpuprofile files go to PROFILE_DIR (default /tmp/load-profile) for Chrome's DevTools.
// PROFILE_ROUTES picks routes (default: day_plan,tasks_page_20); PROFILE_HOLD=<s> keeps the
// stack up afterwards (its database URL is printed; SIGTERM ends it) for EXPLAIN ANALYZE by hand.
// Usage: npx nx run-many -t build -p api worker web && tools/ts-run.sh tools/bench/load-profile.ts
import { mkdirSync, openSync, readSync, statSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { WebSocket } from 'ws';
import { ApiUser } from '../../apps/web-e2e/src/support/api';
import { assertPrerequisites, freePort, startStack } from '../../apps/web-e2e/src/support/stack';
import { measure, prepare, routes, world } from './load-world';

const SECONDS = Number(process.env['PROFILE_SECONDS'] ?? 10);
const ROUTES = (process.env['PROFILE_ROUTES'] ?? 'day_plan,tasks_page_20').split(',');
const DIR = process.env['PROFILE_DIR'] ?? '/tmp/load-profile';
const SQL = process.env['PROFILE_SQL'] === '1';
const HOLD = Number(process.env['PROFILE_HOLD'] ?? 0);
const PG_LOG = process.env['PG_LOG'] ?? '/var/log/postgresql/postgresql-15-main.log';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A tiny Chrome DevTools Protocol client over the api's inspector socket. */
async function inspector(port: number): Promise<(method: string, params?: object) => Promise<unknown>> {
  const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((ok, fail) => socket.once('open', ok).once('error', fail));
  const waiting = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  let next = 1;
  return (method, params = {}) =>
    new Promise((ok) => {
      const id = next++;
      waiting.set(id, ok);
      socket.send(JSON.stringify({ id, method, params }));
    });
}

/** Where a profiled function lives: an npm package, our bundle, node itself, or V8's pseudo-frames. */
function placeOf(url: string, name: string): string {
  if (!url) return `(${name || 'anonymous'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('dist/apps/api/')) return 'worksite (main.js)';
  return url.startsWith('node:') ? 'node internals' : url;
}

function summarise(profile: Profile): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = placeOf(url, functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)
      .join('\n');
  return `self time by place:\n${top(byPlace, 18)}\nhottest functions:\n${top(byFunction, 30)}`;
}

/** The statements PostgreSQL logged for the api's connections since `offset` of its log. */
function loggedSince(offset: number, pids: Set<number>): string[] {
  const size = statSync(PG_LOG).size;
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(PG_LOG, 'r');
  readSync(fd, buffer, 0, buffer.length, offset);
  closeSync(fd);
  const lines: string[] = [];
  let mine = false;
  for (const line of buffer.toString('utf8').split('\n')) {
    const head = /^\S+ \S+ UTC \[(\d+)\] /.exec(line);
    if (head) mine = pids.has(Number(head[1]));
    if (mine) lines.push(head ? line.slice(head[0].length) : line);
  }
  return lines;
}

async function main(): Promise<void> {
  assertPrerequisites({ browser: false });
  mkdirSync(DIR, { recursive: true });
  const port = await freePort();
  process.env['STACK_NODE_ARGS'] = `${process.env['STACK_NODE_ARGS'] ?? ''} --inspect=127.0.0.1:${port}`;
  const stack = await startStack({
    apis: 1,
    worker: false,
    prepare: async (databaseUrl) => {
      await prepare(databaseUrl);
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      const name = new URL(databaseUrl).pathname.slice(1);
      await client.query(`VACUUM ANALYZE`);
      if (SQL) await client.query(`ALTER DATABASE "${name}" SET log_min_duration_statement = 0`);
      await client.end();
    },
    env: { RATE_LIMIT_PER_MINUTE: '100000000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', DB_POOL_SIZE: '20' },
  });
  try {
    const admin = await ApiUser.login(stack.url, 'admin', 'demo-guanliyuan-2026');
    const w = await world(stack.databaseUrl);
    const cdp = await inspector(port);
    await cdp('Profiler.enable');
    await cdp('Profiler.setSamplingInterval', { interval: 200 });
    const chosen = routes(w, admin.token).filter((route) => ROUTES.includes(route.name));
    for (const route of chosen) {
      // Warm up (JIT, pool, caches) first.
      await measure(stack.url, route.requests, 3, route.setupClient);
      if (SQL) {
        const client = new Client({ connectionString: stack.databaseUrl });
        await client.connect();
        const pids = new Set(
          (
            await client.query(
              `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
            )
          ).rows.map((row: { pid: number }) => row.pid),
        );
        await client.end();
        const offset = statSync(PG_LOG).size;
        const request = route.requests[0];
        await fetch(`${stack.url}${request.path}`, { method: request.method, headers: request.headers as HeadersInit });
        await new Promise((ok) => setTimeout(ok, 300));
        console.log(`== ${route.name}: statements of one request\n${loggedSince(offset, pids).join('\n')}`);
      }
      await cdp('Profiler.start');
      const f = await measure(stack.url, route.requests, SECONDS, route.setupClient);
      const { profile } = (await cdp('Profiler.stop')) as { profile: Profile };
      writeFileSync(join(DIR, `${route.name}.cpuprofile`), JSON.stringify(profile));
      console.log(
        `== ${route.name}: ${f.rps} req/s, p50 ${f.p50} ms, p95 ${f.p95} ms, errors ${f.errors} of ${f.requests}`,
      );
      console.log(summarise(profile));
    }
    if (HOLD > 0) {
      console.log(`holding ${HOLD} s (or until SIGTERM): ${stack.databaseUrl}`);
      await new Promise((ok) => {
        setTimeout(ok, HOLD * 1000);
        process.once('SIGTERM', ok);
      });
    }
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
