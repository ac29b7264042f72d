import { getQueueToken, InjectFlowProducer, InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule, loadConfig } from '@worksite/server-config';
import { RedisClusterProcess, settlesWithin } from '@worksite/server-testing';
import { ConnectionOptions, FlowProducer, Job, Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { QueueName } from './jobs';
import { QueueModule, registerFlowProducer } from './queue.module';
import { clusterClient } from './redis-connection';

const FLOW = 'shutdown-test-flow';

/** A job that is still at work (and still writing to Redis) when the process is told to stop. */
@Injectable()
@Processor(QueueName.Incidents)
class SlowProcessor extends WorkerHost {
  private begun!: () => void;
  readonly started = new Promise<void>((resolve) => (this.begun = resolve));

  constructor(
    @InjectQueue(QueueName.Incidents) private readonly queue: Queue,
    // Injected so the flow producer exists and is shut down with the process, as in the worker.
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

@Module({ imports: [registerFlowProducer(FLOW)], providers: [SlowProcessor] })
class SlowModule {}

/**
 * On a Redis Cluster every queue, flow producer and worker of a process shares one client: a
 * process stopped while a job runs closes its workers after the job, and the job's last writes
 * land (a flow producer that disconnected the shared client first left the close waiting for ever).
 */
describe('stopping a process on a Redis Cluster while a job runs', () => {
  let cluster: RedisClusterProcess;

  beforeAll(async () => {
    cluster = await RedisClusterProcess.start(3);
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('finishes the job, then closes', async () => {
    const config = loadConfig({
      REDIS_URL: cluster.url,
      REDIS_CLUSTER: 'true',
      REDIS_PREFIX: `{test-${randomBytes(6).toString('hex')}}`,
    });
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
    const client = clusterClient(cluster.url, 'producer');
    const check = new Queue(QueueName.Incidents, {
      connection: client as unknown as ConnectionOptions,
      prefix: config.REDIS_PREFIX,
    });
    try {
      expect(await check.getJobCounts('completed', 'waiting')).toEqual({ completed: 1, waiting: 1 });
    } finally {
      await check.close();
      client.disconnect();
    }
  }, 60_000);
});
