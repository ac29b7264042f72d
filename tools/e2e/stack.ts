// Starts the real Worksite stack for browser tests and benchmarks: a fresh PostgreSQL
// database (unique name) migrated and optionally seeded with the demo, its own Redis key
// namespace, an SMTP sink in this process, and the built api (serving the built web app) and
// worker on free ports. `stop()` tears everything down. Needs `nx build api worker web` first.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import Redis from 'ioredis';
import { SMTPServer } from 'smtp-server';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT = [
  'dist/apps/api/main.js',
  'dist/apps/api/cli.js',
  'dist/apps/worker/main.js',
  'dist/apps/web/browser/index.html',
];
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Throws with a clear message when something the stack needs is missing. */
export function assertPrerequisites({ browser = true } = {}) {
  const missing = BUILT.filter((file) => !existsSync(resolve(ROOT, file)));
  if (missing.length) {
    throw new Error(`✖ not built: ${missing.join(', ')} — run: npx nx run-many -t build -p api worker web`);
  }
  if (browser && !existsSync(CHROMIUM)) {
    throw new Error(
      `✖ Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
}

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** An SMTP server that accepts everything and keeps the raw messages. */
async function startSmtpSink() {
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  const port = await freePort();
  await new Promise((ok, fail) => server.listen(port, '127.0.0.1', (error) => (error ? fail(error) : ok())));
  return { port, messages, close: () => new Promise((ok) => server.close(ok)) };
}

function cli(args, env) {
  const result = spawnSync('node', ['dist/apps/api/cli.js', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`✖ cli ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim();
}

async function waitForHealth(url, child, output, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`✖ the api stopped (exit ${child.exitCode}):\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`✖ the api did not become healthy within ${timeoutMs / 1000} s:\n${output.join('')}`);
}

function launch(name, script, env) {
  const output = [];
  const child = spawn('node', [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
    if (process.env.E2E_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { name, child, output };
}

async function stopChild({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the stack. Options: `seed` (load the demo, default true), `worker` (default true),
 * `prepare(databaseUrl)` (runs after migrate/seed, before the api starts), `env` (extra settings).
 */
export async function startStack(options = {}) {
  assertPrerequisites({ browser: false });
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/worksite');
  base.pathname = `/ws_e2e_${id}`;
  const databaseUrl = base.toString();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `e2e-${id}`;
  const cleanups = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`cleanup failed: ${error.message}`);
      }
    }
  };
  try {
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      PORT: String(port),
      PUBLIC_URL: url,
      WEB_DIST_DIR: 'dist/apps/web/browser',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...options.env,
    };
    cleanups.push(() => dropDatabase(databaseUrl));
    cleanups.push(() => deleteRedisKeys(redisUrl, redisPrefix));
    cli(['migrate'], env);
    if (options.seed !== false) cli(['seed'], env);
    if (options.prepare) await options.prepare(databaseUrl);
    const api = launch('api', 'dist/apps/api/main.js', env);
    cleanups.push(() => stopChild(api));
    if (options.worker !== false) {
      const worker = launch('worker', 'dist/apps/worker/main.js', env);
      cleanups.push(() => stopChild(worker));
    }
    await waitForHealth(url, api.child, api.output);
    return { url, databaseUrl, redisPrefix, smtp, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function dropDatabase(databaseUrl) {
  const admin = new URL(databaseUrl);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Removes only this run's keys: other tests and installations share the Redis. */
async function deleteRedisKeys(redisUrl, prefix) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
