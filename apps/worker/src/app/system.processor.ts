import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { dispatchJob, JobHandlers, QueueName, REDIS, SystemJob, WORKER_HEARTBEAT_KEY } from '@worksite/server-queue';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';

const HEARTBEAT_EVERY_MS = 30_000;

/** Housekeeping jobs: the heartbeat the api reports in /api/health. */
@Processor(QueueName.System)
export class SystemProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SystemProcessor.name);

  readonly handlers: JobHandlers<QueueName.System> = {
    [SystemJob.Heartbeat]: async () => {
      await this.redis.set(WORKER_HEARTBEAT_KEY, new Date().toISOString(), 'EX', 3 * (HEARTBEAT_EVERY_MS / 1000));
    },
  };

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectQueue(QueueName.System) private readonly queue: Queue,
  ) {
    super();
  }

  /** One scheduler upserted from one place (the worker), never from api replicas. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'heartbeat',
      { every: HEARTBEAT_EVERY_MS },
      {
        name: SystemJob.Heartbeat,
        data: { requestedAt: new Date().toISOString() },
        opts: { removeOnComplete: 10, removeOnFail: 50 },
      },
    );
    this.logger.log('heartbeat scheduler registered');
  }

  process(job: Job): Promise<unknown> {
    return dispatchJob(this.handlers, job);
  }
}
