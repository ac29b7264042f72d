#!/usr/bin/env node
// `npm test`: every check of the repository, as CI runs it. Needs the local PostgreSQL and
// Redis (see README); integration tests fail loudly when they are not reachable.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || defaultPort) });
    socket.setTimeout(3000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const services = [
  ['PostgreSQL', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/worksite', 5432],
  ['Redis', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379],
];
for (const [name, url, port] of services) {
  if (!(await reachable(url, port))) {
    console.error(
      `✖ ${name} is not reachable at ${new URL(url).host}: the integration tests need it (see README, "Running the tests").`,
    );
    process.exit(1);
  }
}

function run(title, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync('npx', args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

run('The demo mail sink of npm start', ['node', '--test', 'tools/demo-mail.test.mjs']);
run('Lint (including module boundaries)', ['nx', 'run-many', '-t', 'lint', '--parallel=2']);
run('Unit and integration tests', ['nx', 'run-many', '-t', 'test', '--parallel=2']);
run('Build', ['nx', 'run-many', '-t', 'build', '--parallel=2']);
run('Browser end-to-end tests (Chromium, real api and worker)', ['nx', 'run', 'web-e2e:e2e']);
run('Scaled installation: two apis and two workers behind nginx', ['nx', 'run', 'web-e2e:scale']);
run(
  'Fault test: night runs through a Redis restart, a PostgreSQL restart, 60 s of SMTP outage and kill -9 of one of two workers',
  ['npm', 'run', '--silent', 'fault:notices'],
);
console.log('\n✔ all checks passed');
