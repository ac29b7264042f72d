// Starts the real Worksite stack for browser tests and benchmarks: a fresh PostgreSQL
// database (unique name) migrated and optionally seeded with the demo, its own Redis key
// namespace, an SMTP sink in this process, and the built api (serving the built web app) and
// worker on free ports. `stop()` tears everything down. Needs `nx build api worker web` first.
// Run through tools/ts-run.sh (CommonJS via @swc-node/register).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { resolve } from 'node:path';
import { quietNightRunEnv } from '@worksite/notices-testing';
import { startNginx } from './nginx';
import { dropOrphanStacks, stopOnExit } from './orphans';
import { deleteRedisKeys } from '@worksite/server-testing';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';

export const ROOT = resolve(__dirname, '../../../..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Flags for Debian's Chromium in containers and CI. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const BUILT = [
  'dist/apps/api/main.js',
  'dist/apps/api/cli.js',
  'dist/apps/worker/main.js',
  'dist/apps/web/browser/index.html',
];

export interface SmtpSink {
  port: number;
  messages: { to: string[]; raw: string }[];
  close(): Promise<void>;
}

export interface Stack {
  /** The app's address: the proxy's when there is one, else the only api's. */
  url: string;
  /** Each api instance's own address. */
  apiUrls: string[];
  databaseUrl: string;
  redisPrefix: string;
  smtp: SmtpSink;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Load the demo community (default true). */
  seed?: boolean;
  /** Start the worker too (default true). */
  worker?: boolean;
  /** Runs after migrate/seed, before the api starts (e.g. to insert a generated project). */
  prepare?: (databaseUrl: string) => Promise<void>;
  /** Extra settings for the api and the worker. */
  env?: Record<string, string>;
  /** Api instances (default 1); with more than one, nginx in front of them answers at `url`. */
  apis?: number;
  /** Worker instances (default 1, 0 when `worker` is false). */
  workers?: number;
  /** How many `migrate` commands start at once on the fresh database (default 1), as replicas would. */
  migrators?: number;
}

/** Throws with a clear message when something the stack needs is missing. */
export function assertPrerequisites(options: { browser?: boolean } = {}): void {
  const missing = BUILT.filter((file) => !existsSync(resolve(ROOT, file)));
  if (missing.length) {
    throw new Error(`✖ not built: ${missing.join(', ')} — run: npx nx run-many -t build -p api worker web`);
  }
  if (options.browser !== false && !existsSync(CHROMIUM)) {
    throw new Error(
      `✖ Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => ok(port));
    });
  });
}

/** An SMTP server that accepts every message and keeps it. */
async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SmtpSink['messages'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        messages.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  return { port, messages, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** `migrate` started `count` times at once (replicas starting together): every one must succeed. */
async function migrateAtOnce(count: number, env: NodeJS.ProcessEnv): Promise<void> {
  if (count <= 1) return void cli(['migrate'], env);
  const runs = Array.from(
    { length: count },
    () =>
      new Promise<{ code: number | null; output: string }>((done) => {
        const child = spawn('node', ['dist/apps/api/cli.js', 'migrate'], { cwd: ROOT, env });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('exit', (code) => done({ code, output }));
      }),
  );
  const failed = (await Promise.all(runs)).filter((run) => run.code !== 0);
  if (failed.length)
    throw new Error(`✖ ${failed.length} of ${count} concurrent migrations failed:\n${failed[0].output}`);
}

function cli(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync('node', ['dist/apps/api/cli.js', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`✖ cli ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim();
}

interface Launched {
  name: string;
  child: ChildProcess;
  output: string[];
}

/** The node flags the api or the worker runs with (tools/node-flags.json, which npm start reads too). */
export function nodeFlags(service: 'api' | 'worker'): string[] {
  return JSON.parse(readFileSync(resolve(ROOT, 'tools/node-flags.json'), 'utf8'))[service];
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv): Launched {
  const output: string[] = [];
  // STACK_NODE_ARGS: extra node flags for the api and worker, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env['STACK_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const service = script.includes('/worker/') ? 'worker' : 'api';
  const child = spawn('node', [...nodeFlags(service), ...nodeArgs, script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  stopOnExit(child);
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
    if (process.env['E2E_VERBOSE']) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output };
}

async function waitForHealth(url: string, api: Launched, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) {
      throw new Error(`✖ the api stopped (exit ${api.child.exitCode}):\n${api.output.join('')}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`✖ the api did not become healthy within ${timeoutMs / 1000} s:\n${api.output.join('')}`);
}

async function stopChild({ child }: Launched): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const admin = new URL(databaseUrl);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Starts the stack; on any failure what was started is torn down again and the error says why. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  assertPrerequisites({ browser: false });
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const base = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/worksite');
  base.pathname = `/ws_e2e_${id}`;
  const databaseUrl = base.toString();
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `e2e-${id}`;
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`cleanup failed: ${(error as Error).message}`);
      }
    }
  };
  try {
    const orphans = await dropOrphanStacks(databaseUrl, redisUrl);
    if (orphans.length) console.error(`dropped ${orphans.length} database(s) of stacks whose process had ended`);
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const apis = options.apis ?? 1;
    const workers = options.worker === false ? 0 : (options.workers ?? 1);
    const ports = await Promise.all(Array.from({ length: apis }, () => freePort()));
    const apiUrls = ports.map((p) => `http://127.0.0.1:${p}`);
    const proxyPort = apis > 1 ? await freePort() : ports[0];
    const url = `http://127.0.0.1:${proxyPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      PUBLIC_URL: url,
      WEB_DIST_DIR: 'dist/apps/web/browser',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
      // Behind the proxy the client's address comes from X-Forwarded-For.
      ...(apis > 1 ? { TRUST_PROXY: 'loopback' } : {}),
      // Tests send with "send now"; the night run must not start by itself meanwhile.
      ...quietNightRunEnv(),
      LOG_LEVEL: 'warn',
      ...options.env,
    };
    cleanups.push(() => dropDatabase(databaseUrl));
    cleanups.push(() => deleteRedisKeys(redisUrl, redisPrefix));
    await migrateAtOnce(options.migrators ?? 1, env);
    if (options.seed !== false) cli(['seed'], env);
    if (options.prepare) await options.prepare(databaseUrl);
    const launched = ports.map((p, i) =>
      launch(`api-${i + 1}`, 'dist/apps/api/main.js', { ...env, PORT: String(p), INSTANCE_ID: `api-${i + 1}` }),
    );
    for (const api of launched) cleanups.push(() => stopChild(api));
    for (let i = 0; i < workers; i++) {
      const worker = launch(`worker-${i + 1}`, 'dist/apps/worker/main.js', { ...env, INSTANCE_ID: `worker-${i + 1}` });
      cleanups.push(() => stopChild(worker));
    }
    await Promise.all(launched.map((api, i) => waitForHealth(apiUrls[i], api)));
    if (apis > 1) {
      const proxy = await startNginx(proxyPort, ports);
      cleanups.push(() => proxy.stop());
    }
    return { url, apiUrls, databaseUrl, redisPrefix, smtp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
