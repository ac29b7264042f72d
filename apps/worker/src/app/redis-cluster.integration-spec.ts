import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { jobIds } from '@worksite/notices-data-access';
import { CrewsFixture, quietNightRun, seedCrewsWithWork, SmtpSink } from '@worksite/notices-testing';
import { AppConfig, ConfigError, loadConfig } from '@worksite/server-config';
import { clusterClient, QueueName, WORKER_HEARTBEAT_KEY } from '@worksite/server-queue';
import { createTestDatabase, RedisClusterProcess, settlesWithin, TestDatabase } from '@worksite/server-testing';
import { ConnectionOptions, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { WorkerModule } from './app.module';

/**
 * The real worker on a local three-node Redis Cluster: with REDIS_CLUSTER and a hash-tag
 * prefix every key of the installation lands in one slot, so BullMQ's flows (multi-key
 * scripts), the job schedulers, the heartbeat and the rate-limit counters work as on one node.
 */
describe('the worker on a Redis Cluster', () => {
  let db: TestDatabase;
  let cluster: RedisClusterProcess;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let client: Redis;
  let producer: Queue;
  let producerClient: Redis;
  let config: AppConfig;

  const waitFor = async <T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check().catch(() => undefined);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const runStatus = async (fixture: CrewsFixture) => {
    const [run] = await db.dataSource.query('SELECT status FROM notice_runs WHERE project_id = $1 AND run_date = $2', [
      fixture.projectId,
      fixture.date,
    ]);
    return run?.status as string | undefined;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    cluster = await RedisClusterProcess.start(3);
    sink = await SmtpSink.start();
    config = Object.assign(
      loadConfig({
        REDIS_URL: cluster.url,
        REDIS_CLUSTER: 'true',
        REDIS_PREFIX: `{test-${randomBytes(6).toString('hex')}}`,
      }),
      {
        DATABASE_URL: db.url,
        DB_POOL_SIZE: 5,
        SMTP_URL: sink.url,
        SMS_GATEWAY_URL: '',
        PUBLIC_URL: 'http://worksite.test',
        ...quietNightRun(),
      } satisfies Partial<AppConfig>,
    );
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    client = clusterClient(config.REDIS_URL, 'producer', { lazyConnect: true });
    await client.connect();
    producerClient = clusterClient(config.REDIS_URL, 'producer');
    producer = new Queue(QueueName.Notices, {
      connection: producerClient as unknown as ConnectionOptions,
      prefix: config.REDIS_PREFIX,
    });
  }, 60_000);

  afterAll(async () => {
    // A worker that does not shut down fails the suite here, after the rest is stopped, instead of
    // keeping the test process (and CI) waiting (seen twice in CI, when the flow producer's shutdown
    // disconnected the shared cluster client under a running job: see WorkersFirst in server-queue).
    const closed = await settlesWithin(worker?.close(), 30_000);
    await producer?.close().catch(() => undefined);
    // BullMQ leaves a connection it was given open.
    producerClient?.disconnect();
    client?.disconnect();
    await cluster?.stop();
    await sink?.close();
    await db?.drop();
    if (!closed) throw new Error('the worker did not shut down within 30 s on the Redis Cluster');
  }, 90_000);

  it('refuses a prefix that is not a hash tag', () => {
    expect(() => loadConfig({ REDIS_CLUSTER: 'true', REDIS_PREFIX: 'worksite' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_CLUSTER: 'true', REDIS_PREFIX: 'worksite' })).toThrow(/\{worksite\}/);
  });

  it('beats, schedules and sends a night run (a BullMQ flow) once per crew, every key in one slot', async () => {
    await waitFor('the heartbeat', () => client.get(`${config.REDIS_PREFIX}:${WORKER_HEARTBEAT_KEY}`), 10_000);
    const fixture = await seedCrewsWithWork(db.dataSource, { crews: 4, date: '2030-09-02' });
    await producer.add('run', { projectId: fixture.projectId, date: fixture.date, trigger: 'manual' });
    await waitFor('the run', async () => (await runStatus(fixture)) === 'completed');
    const counts = sink.countsByRecipient();
    expect(fixture.crews.map((crew) => counts.get(crew.email))).toEqual(fixture.crews.map(() => 1));
    expect(
      await waitFor('the job scheduler', () => producer.getJobScheduler(jobIds.scheduler(fixture.projectId))),
    ).toBeTruthy();

    // The installation's keys are spread over no more than the one slot of its hash tag.
    const nodes = (client as unknown as { nodes(role: string): Redis[] }).nodes('master');
    const keys = (await Promise.all(nodes.map((node) => node.keys(`${config.REDIS_PREFIX}*`)))).flat();
    expect(keys.length).toBeGreaterThan(5);
    const slots = new Set(await Promise.all(keys.map((key) => nodes[0].call('CLUSTER', 'KEYSLOT', key))));
    expect(slots.size).toBe(1);
  }, 120_000);
});
