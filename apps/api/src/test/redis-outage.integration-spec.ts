import { NoticeRunsService, NoticeStore } from '@worksite/notices-data-access';
import { seedCrewsWithWork } from '@worksite/notices-testing';
import { RedisServerProcess } from '@worksite/server-testing';
import { NoticeRunTrigger, Role } from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import Redis from 'ioredis';
import { createTestApp, TestApp } from '../testing/test-app';

const RATE_LIMIT = 30;

/**
 * The api on a Redis server of the test's own, stopped while the api runs and started again
 * empty on the same port: plans are read and edited meanwhile (PostgreSQL is the truth,
 * sessions are checked there), nothing waits for Redis, rate limits are counted in the
 * process, /api/health says Redis is down; when it is back, all is as before.
 * (The worker across the same restart: apps/worker redis-restart.integration-spec.)
 */
describe('the api while Redis is down', () => {
  let server: RedisServerProcess;
  let t: TestApp;
  let observer: Redis;

  beforeAll(async () => {
    server = await RedisServerProcess.start();
    t = await createTestApp({ REDIS_URL: server.url, RATE_LIMIT_PER_MINUTE: RATE_LIMIT });
    observer = new Redis(server.url, { maxRetriesPerRequest: 1 });
    observer.on('error', () => undefined);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    observer?.disconnect();
    await server?.kill();
  });

  const timed = async <T>(work: () => Promise<T>) => {
    const started = Date.now();
    const result = await work();
    return { result, ms: Date.now() - started };
  };
  const health = () => t.anonymous.get('/api/health');
  const healthBecomes = async (status: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await health();
      if (answer.status === status) return answer;
      if (Date.now() > deadline) throw new Error(`health stayed ${answer.status}: ${JSON.stringify(answer.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('serves plans, limits requests in the process and reports Redis down; all is as before once it is back', async () => {
    const date = addDays(localDateOf(Date.now(), 'Asia/Shanghai'), 1);
    const fixture = await seedCrewsWithWork(t.dataSource, { crews: 2, date });
    const coordinator = await t.as({ role: Role.Coordinator, projectIds: [fixture.projectId] });
    expect((await health()).body).toMatchObject({ status: 'ok', redis: 'up', down: [] });
    const [task] = await t.dataSource.query('SELECT id FROM tasks WHERE project_id = $1 LIMIT 1', [fixture.projectId]);
    // Tomorrow's run has sent crew 0 its notice (as the worker's run and crew jobs do).
    const runs = t.app.get(NoticeRunsService);
    const { run } = await runs.ensureRun(fixture.projectId, date, NoticeRunTrigger.Manual);
    await runs.fanOut(run.id, new Date());
    const stored = await t.app.get(NoticeStore).createInitial(run.id, fixture.crews[0].id, date);
    if (stored.outcome !== 'created') throw new Error(`no notice: ${stored.outcome}`);

    await server.stop();
    const down = await healthBecomes(503, 5000);
    expect(down.body).toMatchObject({ status: 'degraded', database: 'up', redis: 'down', down: ['redis'] });

    // Reading and editing plans: answered at once, from PostgreSQL; the session is checked there.
    const schedule = await timed(() => coordinator.get(`/api/projects/${fixture.projectId}/schedule`));
    expect(schedule.result.status).toBe(200);
    expect(schedule.result.body.tasks.length).toBeGreaterThan(0);
    expect(schedule.ms).toBeLessThan(1500);
    const current = await coordinator.get(`/api/tasks/${task.id}`).expect(200);
    const edit = await timed(() =>
      coordinator
        .patch(`/api/tasks/${task.id}`)
        .send({ title: '敷设电缆（Redis 停机时修改）', version: current.body.version }),
    );
    expect(edit.result.status).toBe(200);
    expect(edit.ms).toBeLessThan(1500);
    const [edited] = await t.dataSource.query('SELECT title FROM tasks WHERE id = $1', [task.id]);
    expect(edited.title).toBe('敷设电缆（Redis 停机时修改）');
    // What would be queued is written and answered at once; the worker's watchdog queues it
    // from PostgreSQL once Redis is back. "Send now" (today's run) and "resend":
    const today = addDays(date, -1);
    const send = await timed(() =>
      coordinator.post('/api/notice-runs').send({ projectId: fixture.projectId, date: today }),
    );
    expect(send.result.status).toBe(201);
    expect(send.result.body).toMatchObject({ started: true, run: { runDate: today, status: 'pending' } });
    expect(send.ms).toBeLessThan(1500);
    const resend = await timed(() => coordinator.post(`/api/notices/${stored.noticeId}/resend`));
    expect(resend.result.status).toBe(201);
    expect(resend.result.body).toMatchObject({ revision: 2, reason: 'resend' });
    expect(resend.ms).toBeLessThan(1500);
    const planned = await t.dataSource.query(
      `SELECT d.status FROM deliveries d JOIN notices n ON n.id = d.notice_id WHERE n.id = $1`,
      [resend.result.body.id],
    );
    expect(planned).toEqual([{ status: 'planned' }]);
    // Logging in still works (failed logins are counted in the process meanwhile).
    await t.as({ role: Role.Viewer });

    // Rate limits still limit, counted in this process (per client and route, as in Redis).
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 5 && !statuses.includes(429); i++) {
      statuses.push((await coordinator.get(`/api/projects/${fixture.projectId}`)).status);
    }
    expect(statuses).toEqual([...Array.from({ length: RATE_LIMIT }, () => 200), 429]);

    // Back, empty: health is ok again and the limits are counted in Redis again.
    await server.restart();
    const back = await healthBecomes(200, 5000);
    expect(back.body).toMatchObject({ status: 'ok', redis: 'up', down: [] });
    await coordinator.get(`/api/projects/${fixture.projectId}/schedule`).expect(200);
    // (This Redis is the test's own: every key in it is the api's.)
    expect((await observer.keys('*:hits')).length).toBeGreaterThan(0);
  }, 120_000);
});
