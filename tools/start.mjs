#!/usr/bin/env node
// `npm start`: build, migrate, seed the demo into an empty database, then run the api
// (which also serves the web app) and the worker until Ctrl+C. Settings come from the
// environment (see README); the api and the worker check PostgreSQL and Redis themselves.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoMail } from './demo-mail.mjs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const flags = JSON.parse(readFileSync(new URL('./node-flags.json', import.meta.url), 'utf8'));

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed; see the lines above.`);
    process.exit(result.status ?? 1);
  }
}

if (!process.argv.includes('--no-build')) {
  step('Building api, worker and web', 'npx', [
    'nx',
    'run-many',
    '-t',
    'build',
    '-p',
    'api',
    'worker',
    'web',
    '--parallel=3',
  ]);
}
step('Migrating the database', 'node', ['dist/apps/api/cli.js', 'migrate']);
step('Loading the demo data if the database is empty', 'node', ['dist/apps/api/cli.js', 'seed', '--if-empty']);

if (!process.env.SMTP_URL) {
  const folder = resolve('tmp/demo-mail');
  if (await startDemoMail({ folder })) {
    console.log(
      `\n✉ No SMTP_URL set and nothing listens on 127.0.0.1:1025: notice emails are kept in ${folder} ` +
        '(open them with any mail program; set SMTP_URL to send through a real server).',
    );
  }
}

const children = [
  ['api', spawn('node', [...flags.api, 'dist/apps/api/main.js'], { stdio: 'inherit', env })],
  ['worker', spawn('node', [...flags.worker, 'dist/apps/worker/main.js'], { stdio: 'inherit', env })],
];
let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const [, child] of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
}
for (const [name, child] of children) {
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`✖ the ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
    stop(code ?? 1);
    if (children.every(([, c]) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? 0);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
