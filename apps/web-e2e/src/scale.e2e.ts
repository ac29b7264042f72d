// Two apis and two workers on one PostgreSQL and one Redis, behind nginx (`nx run web-e2e:scale`):
// migrations started three times at once apply once; sessions, rate limits and schedule caches
// behave as with one api; a night run sends each crew's notice once although two workers run;
// /api/metrics answers for every instance; the processes run with tools/node-flags.json's flags,
// which the Dockerfile and compose repeat. Needs `nx build api worker web` and Debian's nginx.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import type { NoticeRunDto, ProjectScheduleDto, TaskDto } from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { ApiUser, DEMO, demoProject } from './support/api';
import { dropOrphanStacks } from './support/orphans';
import { nodeFlags, ROOT, Stack, startStack } from './support/stack';

const LOGIN_LIMIT = 8;

describe('a scaled installation: two apis and two workers behind nginx', { concurrency: 1 }, () => {
  let stack: Stack;
  let coordinator: ApiUser;

  before(async () => {
    stack = await startStack({
      apis: 2,
      workers: 2,
      migrators: 3,
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT) },
    });
    coordinator = await ApiUser.login(stack.url, DEMO.coordinator.username, DEMO.coordinator.password);
  });

  after(async () => {
    await stack?.stop();
  });

  it('applied each migration once although three migrations started at once', async () => {
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name');
      assert.ok(rows.length > 10, 'the migrations are recorded');
      assert.deepEqual(
        rows.filter((row) => row.n !== 1),
        [],
      );
    } finally {
      await client.end();
    }
  });

  it('spreads requests over both apis, and a login made on one is good on the other', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const health = await fetch(`${stack.url}/api/health`, { headers: { connection: 'close' } });
      seen.add(((await health.json()) as { instance: { id: string } }).instance.id);
    }
    assert.deepEqual([...seen].sort(), ['api-1', 'api-2']);
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${stack.url}/api/projects`, {
        headers: { authorization: `Bearer ${coordinator.token}`, connection: 'close' },
      });
      assert.equal(response.status, 200);
    }
    for (const apiUrl of stack.apiUrls) {
      const direct = await fetch(`${apiUrl}/api/projects`, {
        headers: { authorization: `Bearer ${coordinator.token}` },
      });
      assert.equal(direct.status, 200, `the session is good on ${apiUrl}`);
    }
  });

  it('counts login attempts of one client across both apis (shared rate limit, client from X-Forwarded-For)', async () => {
    // One client (its address as a proxy further out would give it), trying wrong passwords.
    const attempt = () =>
      fetch(`${stack.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close', 'x-forwarded-for': '198.51.100.7' },
        body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) statuses.push((await attempt()).status);
    assert.deepEqual(statuses.slice(0, LOGIN_LIMIT), Array(LOGIN_LIMIT).fill(401));
    assert.deepEqual(statuses.slice(LOGIN_LIMIT), [429, 429]);
    // Another client is not held back by that one.
    const direct = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
    });
    assert.equal(direct.status, 401);
  });

  it('shows an edit made through one api in the other api’s cached schedule at once', async () => {
    const project = await demoProject(coordinator);
    const [one, two] = await Promise.all(
      stack.apiUrls.map((apiUrl) => ApiUser.login(apiUrl, DEMO.coordinator.username, DEMO.coordinator.password)),
    );
    // Both apis compute and cache the schedule.
    const before = await one.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
    await two.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
    const task = before.tasks.find((t) => t.status === 'planned' && t.schedulingMode !== 'manual') ?? before.tasks[0];
    const current = await one.get<TaskDto>(`tasks/${task.id}`);
    const later = new Date(Date.parse(current.plannedStart) + 2 * 86_400_000).toISOString();
    const moved = await one.patch<TaskDto>(`tasks/${task.id}`, { plannedStart: later, version: current.version });
    const seenByTwo = await two.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
    assert.equal(seenByTwo.tasks.find((t) => t.id === task.id)?.plannedStart, moved.plannedStart);
  });

  it('sends each crew its notice once while two workers run', async () => {
    const project = await demoProject(coordinator);
    // The first day after today on which crews of the demo have work.
    const schedule = await coordinator.get<ProjectScheduleDto>(`projects/${project.id}/schedule`);
    const tomorrow = addDays(localDateOf(Date.now(), project.timeZone), 1);
    const date = schedule.tasks
      .filter((t) => t.crewId)
      .map((t) => localDateOf(Date.parse(t.plannedStart), project.timeZone))
      .filter((day) => day >= tomorrow)
      .sort()[0];
    assert.ok(date, 'the demo has crew work after today');
    // Asked through both apis at once: one run starts, the other answer names it.
    const answers = await Promise.all(
      stack.apiUrls.map(async (apiUrl) => {
        const api = await ApiUser.login(apiUrl, DEMO.coordinator.username, DEMO.coordinator.password);
        return api.post<{ created: boolean; run: NoticeRunDto }>('notice-runs', { projectId: project.id, date });
      }),
    );
    assert.equal(answers.filter((a) => a.created).length, 1, 'one run was started');
    assert.equal(answers[0].run.id, answers[1].run.id);
    const run = await coordinator.waitFor(
      () => coordinator.get<NoticeRunDto>(`notice-runs/${answers[0].run.id}`),
      (r) => r.status === 'completed',
      120_000,
    );
    assert.ok(run.crewsTotal > 0, 'the demo has crews with work tomorrow');
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT d.address, count(*)::int AS n FROM deliveries d JOIN notices n ON n.id = d.notice_id
          WHERE n.run_id = $1 AND d.kind = 'email' AND d.status = 'sent' GROUP BY d.address`,
        [run.id],
      );
      assert.ok(rows.length > 0, 'emails were sent');
      for (const row of rows) {
        const received = stack.smtp.messages.filter((m) => m.to.includes(row.address)).length;
        assert.equal(received, row.n, `${row.address} received each of its notices once`);
      }
    } finally {
      await client.end();
    }
  });

  it('runs the apis and workers with the node flags of tools/node-flags.json, as the Dockerfile and compose run the api', () => {
    const commands = processesOf(new URL(stack.databaseUrl).pathname.slice(1)).map((pid) =>
      readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean),
    );
    const started = (script: string) => commands.filter((args) => args[args.length - 1] === script);
    const apis = started('dist/apps/api/main.js');
    const workers = started('dist/apps/worker/main.js');
    assert.equal(apis.length, 2);
    assert.equal(workers.length, 2);
    // The file's flags first (STACK_NODE_ARGS may add more after them).
    for (const args of apis) assert.deepEqual(args.slice(1, 1 + nodeFlags('api').length), nodeFlags('api'));
    for (const args of workers) assert.deepEqual(args.slice(1, 1 + nodeFlags('worker').length), nodeFlags('worker'));
    // They cannot read the file: each must carry the api's flags itself.
    const apiCommand = ['node', ...nodeFlags('api'), 'dist/apps/api/main.js'];
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    assert.ok(dockerfile.includes(`CMD ${JSON.stringify(apiCommand).replaceAll(',', ', ')}`), 'Dockerfile CMD');
    const compose = readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8');
    assert.ok(compose.includes(`command: [${apiCommand.map((a) => `'${a}'`).join(', ')}]`), 'compose api command');
  });

  it('answers /api/metrics for both apis and both workers', async () => {
    // Each process publishes every 10 s.
    await new Promise((ok) => setTimeout(ok, 11_000));
    const text = await (await fetch(`${stack.url}/api/metrics`)).text();
    const count = (series: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith(series))
        .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    assert.ok(count('http_request_duration_seconds_count{method="GET",route="/api/projects"') >= 14);
    assert.ok(count('worksite_job_duration_seconds_count{queue="notices",job="crew"') >= 1, 'worker jobs are counted');
  });
});

describe('a stack whose process ends without stopping it', { concurrency: 1 }, () => {
  for (const [how, end] of [
    ['an uncaught error', 'throw'],
    ['SIGTERM', 'wait'],
  ] as const) {
    it(`leaves no api, worker or nginx running after ${how}, and the next stack drops its database`, async () => {
      const child = spawn('tools/ts-run.sh', ['apps/web-e2e/src/support/abandon-stack.ts', end], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
      let output = '';
      child.stderr.on('data', (chunk) => (output += chunk));
      const line = await new Promise<string>((ok, fail) => {
        let buffered = '';
        child.stdout.on('data', (chunk) => {
          buffered += chunk;
          const first = buffered.split('\n').find((l) => l.startsWith('{'));
          if (first) ok(first);
        });
        child.once('exit', () => fail(new Error(`the stack did not start:\n${output}`)));
      });
      const started = JSON.parse(line) as { url: string; apiUrls: string[]; databaseUrl: string };
      const database = new URL(started.databaseUrl).pathname.slice(1);
      for (const url of [started.url, ...started.apiUrls]) assert.equal(await answers(url), true, `${url} runs`);
      assert.ok(processesOf(database).length >= 3, 'two apis and a worker run with the database');
      if (end === 'wait') child.kill('SIGTERM');
      else child.stdin.write('end\n');
      await exited;

      const deadline = Date.now() + 15_000;
      while (processesOf(database).length > 0 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 200));
      assert.deepEqual(processesOf(database), [], 'no api or worker of the stack still runs');
      for (const url of [started.url, ...started.apiUrls]) assert.equal(await answers(url), false, `${url} stopped`);
      assert.equal(await databaseExists(database), true, 'the ended process did not drop its database');

      const dropped = await dropOrphanStacks(started.databaseUrl, process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
      assert.ok(dropped.includes(database), `dropped ${dropped.join(', ')}`);
      assert.equal(await databaseExists(database), false, 'the next stack dropped it');
    });
  }
});

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** The processes whose environment names the database (the stack's apis and workers). */
function processesOf(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(`/${database}\0`)) pids.push(Number(entry));
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return pids;
}

async function databaseExists(database: string): Promise<boolean> {
  const admin = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/worksite');
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
  } finally {
    await client.end();
  }
}
