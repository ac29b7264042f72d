import { BullModule, getQueueToken, WorkerHost } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { AppConfig } from '@worksite/server-config';
import type { ConnectionOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { logConnectionErrors } from './connection-errors';
import { QueueName } from './jobs';
import { clusterClient, CLIENT_COMMAND_TIMEOUT_MS, evictionPolicyWarning, redisOptions } from './redis-connection';

/** Injection token of the shared ioredis client (health checks, rate limits, heartbeats). */
export const REDIS = Symbol('REDIS');

/**
 * Cluster clients handed to BullMQ as its connection: BullMQ does not close a connection it was
 * given, so they are closed here at shutdown (after the workers, which close in onModuleDestroy).
 */
const bullClusterClients = new Set<Redis>();

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
    for (const client of bullClusterClients) {
      bullClusterClients.delete(client);
      await client.quit().catch(() => client.disconnect());
    }
  }
}

/**
 * Closes the process's BullMQ workers before anything else shuts down: a job at work when the
 * process is told to stop finishes with the queues it writes to still open. (@nestjs/bullmq
 * closes the queues and flow producers first, then the workers: on one Redis such a job's next
 * write failed; on a cluster, where they all share one client, the flow producer's shutdown
 * disconnects it and the job, and the worker's close, waited for ever.)
 */
@Injectable()
class WorkersFirst implements BeforeApplicationShutdown {
  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(): Promise<void> {
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
    await Promise.all(hosts.map((host) => workerOf(host)?.close()));
  }
}

/** A host's worker, or none when it was never started (the getter throws then). */
function workerOf(host: WorkerHost) {
  try {
    return host.worker;
  } catch {
    return undefined;
  }
}

function bullClusterClient(url: string, role: 'producer' | 'worker'): Redis {
  const client = clusterClient(url, role);
  bullClusterClients.add(client);
  return client;
}

/** Logs the queues' connection errors (BullMQ would print each one to the console). */
const QUEUE_ERRORS = {
  provide: Symbol('QUEUE_ERRORS'),
  inject: Object.values(QueueName).map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => {
    for (const queue of queues) logConnectionErrors(queue, `queue ${queue.name}`);
    return true;
  },
};

/**
 * Connects to Redis and registers every queue, with producer options in the api and
 * worker options in the worker.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(role: 'producer' | 'worker'): DynamicModule {
    const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            // BullMQ declares its own option type; ioredis options (or a cluster client) are what it takes.
            connection: (config.REDIS_CLUSTER
              ? bullClusterClient(config.REDIS_URL, role)
              : redisOptions(config.REDIS_URL, role)) as ConnectionOptions,
            prefix: config.REDIS_PREFIX,
          }),
        }),
        ...queues,
        DiscoveryModule,
      ],
      providers: [
        {
          provide: REDIS,
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            const own = {
              commandTimeout: CLIENT_COMMAND_TIMEOUT_MS,
              lazyConnect: true,
              keyPrefix: `${config.REDIS_PREFIX}:`,
            };
            const redis = config.REDIS_CLUSTER
              ? clusterClient(config.REDIS_URL, 'producer', own)
              : new Redis({ ...redisOptions(config.REDIS_URL, 'producer'), ...own });
            redis.on('error', (error) => new Logger('Redis').warn(error.message));
            await redis.connect();
            const warning = await evictionPolicyWarning(redis);
            if (warning) new Logger('Redis').warn(warning);
            return redis;
          },
        },
        RedisCloser,
        WorkersFirst,
        QUEUE_ERRORS,
      ],
      exports: [REDIS, BullModule, ...queues],
    };
  }
}
