import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { jobIds, NoticeRunsService } from '@worksite/notices-data-access';
import { CrewsFixture, quietNightRun, seedCrewsWithWork, SmtpSink } from '@worksite/notices-testing';
import { AppConfig, loadConfig } from '@worksite/server-config';
import { QueueName, redisOptions, WORKER_HEARTBEAT_KEY } from '@worksite/server-queue';
import { createTestDatabase, RedisServerProcess, settlesWithin, TestDatabase } from '@worksite/server-testing';
import { NoticeRunTrigger } from '@worksite/shared-domain';
import { ConnectionOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { WorkerModule } from './app.module';
import { HEARTBEAT_EVERY_MS } from './worker-heartbeat';

/** How soon after Redis is back the worker must be seen again (well under one heartbeat period). */
const HEARTBEAT_BACK_WITHIN_MS = 5000;

/**
 * The real worker (its app module, in this process) on a Redis server of the test's own,
 * which is shut down without saving and started again empty on the same port: the worker's
 * heartbeat is back at once, a run a coordinator asked for while Redis was down is sent when
 * it is back, and so is a run started afterwards — each crew's notice exactly once.
 */
describe('the worker across a Redis restart that loses every key', () => {
  let db: TestDatabase;
  let server: RedisServerProcess;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let observer: Redis;
  let producer: Queue;
  let config: AppConfig;

  const waitFor = async <T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check().catch(() => undefined);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const heartbeat = () => observer.get(`${config.REDIS_PREFIX}:${WORKER_HEARTBEAT_KEY}`);
  const runStatus = async (fixture: CrewsFixture) => {
    const [run] = await db.dataSource.query('SELECT status FROM notice_runs WHERE project_id = $1 AND run_date = $2', [
      fixture.projectId,
      fixture.date,
    ]);
    return run?.status as string | undefined;
  };
  const expectOneEmailPerCrew = (fixture: CrewsFixture) => {
    const counts = sink.countsByRecipient();
    expect(fixture.crews.map((crew) => counts.get(crew.email))).toEqual(fixture.crews.map(() => 1));
  };
  /** A run job as the api's "send now" adds it. */
  const sendNow = (fixture: CrewsFixture) =>
    producer.add('run', { projectId: fixture.projectId, date: fixture.date, trigger: 'manual' });

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await RedisServerProcess.start();
    sink = await SmtpSink.start();
    config = Object.assign(loadConfig(), {
      DATABASE_URL: db.url,
      DB_POOL_SIZE: 5,
      REDIS_URL: server.url,
      REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}`,
      SMTP_URL: sink.url,
      SMS_GATEWAY_URL: '',
      PUBLIC_URL: 'http://worksite.test',
      ...quietNightRun(),
      NOTICE_WATCHDOG_SECONDS: 1,
      NOTICE_LOST_JOB_SECONDS: 2,
      NOTICE_RETRY_BASE_SECONDS: 1,
    } satisfies Partial<AppConfig>);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    observer = new Redis({ ...redisOptions(server.url, 'producer'), enableOfflineQueue: true });
    observer.on('error', () => undefined);
    producer = new Queue(QueueName.Notices, {
      connection: redisOptions(server.url, 'producer') as ConnectionOptions,
      prefix: config.REDIS_PREFIX,
    });
    producer.on('error', () => undefined);
  }, 60_000);

  afterAll(async () => {
    // As on the cluster: a worker that does not shut down fails here rather than hanging the run.
    const closed = await settlesWithin(worker?.close(), 30_000);
    await producer?.close().catch(() => undefined);
    observer?.disconnect();
    await server?.kill();
    await sink?.close();
    await db?.drop();
    if (!closed) throw new Error('the worker did not shut down within 30 s');
  }, 90_000);

  it('is seen, sends a run, loses Redis, and is seen again and sends again at once when it is back', async () => {
    await waitFor('the first heartbeat', heartbeat, 5000);
    const before = await seedCrewsWithWork(db.dataSource, { crews: 3, date: '2030-08-01' });
    await sendNow(before);
    await waitFor('the first run', async () => (await runStatus(before)) === 'completed');
    expectOneEmailPerCrew(before);
    const scheduler = await waitFor('the project’s job scheduler', () =>
      producer.getJobScheduler(jobIds.scheduler(before.projectId)),
    );

    await server.stop();
    // A coordinator's "send now" while Redis is down: the api writes the run and cannot queue it.
    const during = await seedCrewsWithWork(db.dataSource, { crews: 3, date: '2030-08-02' });
    await worker.get(NoticeRunsService).ensureRun(during.projectId, during.date, NoticeRunTrigger.Manual);
    await expect(sendNow(during)).rejects.toThrow();
    // Longer than one heartbeat period and the watchdog's "lost job" time.
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_EVERY_MS + 1000));

    // Started again empty: whatever heartbeat it holds was written after the restart.
    const restarting = Date.now();
    await server.restart();
    const back = Date.now();
    const beat = await waitFor(
      'the heartbeat after the restart',
      async () => {
        const value = await heartbeat();
        return value && Date.parse(value) >= restarting ? value : undefined;
      },
      HEARTBEAT_BACK_WITHIN_MS,
    );
    expect(Date.parse(beat) - back).toBeLessThan(HEARTBEAT_BACK_WITHIN_MS);

    await waitFor('the run asked for while Redis was down', async () => (await runStatus(during)) === 'completed');
    expectOneEmailPerCrew(during);
    const after = await seedCrewsWithWork(db.dataSource, { crews: 3, date: '2030-08-03' });
    await waitFor('the api’s queue connection', () => sendNow(after).then(() => true), 10_000);
    await waitFor('the run started after the restart', async () => (await runStatus(after)) === 'completed');
    expectOneEmailPerCrew(after);
    expectOneEmailPerCrew(before);
    // The job schedulers Redis lost are there again, as they were.
    const restored = await producer.getJobScheduler(jobIds.scheduler(before.projectId));
    expect(restored).toMatchObject({ pattern: scheduler.pattern, tz: scheduler.tz });
    expect(sink.received).toHaveLength(9);
  }, 180_000);
});
