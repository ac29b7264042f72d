// `npm run stack:scale`: Worksite as a scaled installation on this machine — two apis and two
// workers on the configured PostgreSQL and Redis, behind Debian's nginx at PORT (default 3000).
// Builds (unless --no-build), starts three `migrate` at once (as three replicas starting would;
// an advisory lock lets one migrate), loads the demo into an empty database, then runs until
// Ctrl+C. Settings come from the environment as for `npm start` (see README).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort, nodeFlags } from '../../apps/web-e2e/src/support/stack';
import { startNginx } from '../../apps/web-e2e/src/support/nginx';

const ROOT = resolve(__dirname, '../..');
const APIS = Number(process.env['SCALE_APIS'] ?? 2);
const WORKERS = Number(process.env['SCALE_WORKERS'] ?? 2);
const PORT = Number(process.env['PORT'] ?? 3000);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  PUBLIC_URL: process.env['PUBLIC_URL'] ?? `http://localhost:${PORT}`,
  TRUST_PROXY: process.env['TRUST_PROXY'] ?? 'loopback',
};

function step(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed; see the lines above.`);
    process.exit(result.status ?? 1);
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    step('Building api, worker and web', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web']);
  }
  console.log('\n▶ Migrating: three migrations at once, as three replicas starting together');
  const codes = await Promise.all(
    [1, 2, 3].map(
      () =>
        new Promise<number | null>((done) =>
          spawn('node', ['dist/apps/api/cli.js', 'migrate'], { cwd: ROOT, stdio: 'inherit', env }).on('exit', done),
        ),
    ),
  );
  if (codes.some((code) => code !== 0)) process.exit(1);
  step('Loading the demo data if the database is empty', 'node', ['dist/apps/api/cli.js', 'seed', '--if-empty']);

  const children: ChildProcess[] = [];
  const ports: number[] = [];
  let proxy: Awaited<ReturnType<typeof startNginx>> | undefined;
  for (let i = 1; i <= APIS; i++) {
    const port = await freePort();
    ports.push(port);
    children.push(
      spawn('node', [...nodeFlags('api'), 'dist/apps/api/main.js'], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...env, PORT: String(port), INSTANCE_ID: `api-${i}` },
      }),
    );
  }
  for (let i = 1; i <= WORKERS; i++) {
    children.push(
      spawn('node', [...nodeFlags('worker'), 'dist/apps/worker/main.js'], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...env, INSTANCE_ID: `worker-${i}` },
      }),
    );
  }
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await proxy?.stop().catch(() => undefined);
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 10_000).unref();
    await Promise.all(
      children.map((child) => new Promise((ok) => (child.exitCode !== null ? ok(0) : child.once('exit', ok)))),
    );
    process.exit(code);
  };
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping) console.error(`✖ a process stopped (exit ${code}); stopping the rest.`);
      void stop(code ?? 1);
    });
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // The apis listen once they have checked PostgreSQL and Redis.
  for (const port of ports) {
    for (let tries = 0; ; tries++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (tries > 240) throw new Error(`the api on port ${port} did not start`);
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }
  proxy = await startNginx(PORT, ports);
  console.log(
    `\n✔ Worksite (${APIS} apis on ports ${ports.join(', ')}, ${WORKERS} workers) behind nginx: ${env['PUBLIC_URL']} — Ctrl+C stops all`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
