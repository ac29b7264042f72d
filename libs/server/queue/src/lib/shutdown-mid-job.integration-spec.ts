import { BullModule, getQueueToken, InjectFlowProducer, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule, loadConfig } from '@worksite/server-config';
import { RedisClusterProcess, RedisServerProcess, settlesWithin } from '@worksite/server-testing';
import { ConnectionOptions, FlowProducer, Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { QueueName } from './jobs';
import { QueueModule } from './queue.module';
import { clusterClient, redisOptions } from './redis-connection';

const FLOW = 'shutdown-test-flow';

/** A job that is still at work (and still writing to Redis) when the process is told to stop. */
@Injectable()
@Processor(QueueName.Incidents)
class SlowProcessor extends WorkerHost {
  private begun!: () => void;
  readonly started = new Promise<void>((resolve) => (this.begun = resolve));

  constructor(
    @InjectQueue(QueueName.Incidents) private readonly queue: Queue,
    // Injected so the flow producer exists and is shut down with the process, as in the worker (on a
    // cluster its shutdown disconnects the client it shares with the workers: they must be closed by then).
    @InjectFlowProducer(FLOW) readonly flows: FlowProducer,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name !== 'slow') return;
    this.begun();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await this.queue.add('follow-up', {});
  }
}

@Module({ imports: [BullModule.registerFlowProducer({ name: FLOW })], providers: [SlowProcessor] })
class SlowModule {}

/** Where the process's Redis is: one server, or a three-node cluster (one client shared by all). */
interface Shape {
  config(prefix: string): Record<string, string>;
  client(): Redis;
  stop(): Promise<void>;
}

const shapes: [string, () => Promise<Shape>][] = [
  [
    'one Redis server',
    async () => {
      const server = await RedisServerProcess.start();
      return {
        config: (prefix) => ({ REDIS_URL: server.url, REDIS_PREFIX: prefix }),
        client: () => new Redis(redisOptions(server.url, 'producer')),
        stop: () => server.stop(),
      };
    },
  ],
  [
    'a Redis Cluster',
    async () => {
      const cluster = await RedisClusterProcess.start(3);
      return {
        config: (prefix) => ({ REDIS_URL: cluster.url, REDIS_CLUSTER: 'true', REDIS_PREFIX: `{${prefix}}` }),
        client: () => clusterClient(cluster.url, 'producer'),
        stop: () => cluster.stop(),
      };
    },
  ],
];

/**
 * A process told to stop while a job runs closes its workers first: the job finishes and its last
 * writes land, then the rest closes. (@nestjs/bullmq closes the queues before the workers, so the
 * job's write failed; on a cluster, where every queue, flow producer and worker of a process
 * shares one client, the flow producer's disconnect of that client left the close waiting for ever.)
 */
describe.each(shapes)('stopping a process on %s while a job runs', (_, start) => {
  let shape: Shape;

  beforeAll(async () => {
    shape = await start();
  }, 60_000);

  afterAll(async () => {
    await shape?.stop();
  });

  it('finishes the job, then closes', async () => {
    const config = loadConfig(shape.config(`test-${randomBytes(6).toString('hex')}`));
    const app: INestApplicationContext = await NestFactory.createApplicationContext(
      {
        module: class TestRoot {},
        imports: [AppConfigModule.forRoot(config), QueueModule.forRoot('worker'), SlowModule],
      },
      { logger: ['error'] },
    );
    const queue = app.get<Queue>(getQueueToken(QueueName.Incidents));
    await queue.add('slow', {});
    await app.get(SlowProcessor).started;

    const closed = await settlesWithin(app.close(), 15_000);
    expect(closed).toBe(true);

    // The job's last write landed: it completed and its follow-up is waiting.
    const client = shape.client();
    const check = new Queue(QueueName.Incidents, {
      connection: client as unknown as ConnectionOptions,
      prefix: config.REDIS_PREFIX,
    });
    try {
      expect(await check.getJobCounts('completed', 'waiting', 'failed')).toEqual({
        completed: 1,
        waiting: 1,
        failed: 0,
      });
    } finally {
      await check.close();
      client.disconnect();
    }
  }, 60_000);
});
