import Redis, { Cluster, RedisOptions } from 'ioredis';

/**
 * Connection options by role. The producer (the api's queues, and every process's own client
 * for rate limits, health and heartbeats) fails fast so a request never hangs while Redis is
 * down: no offline queue (a command while disconnected fails at once) and one retry. The
 * worker's blocking connection retries for ever, as BullMQ requires.
 */
export function redisOptions(url: string, role: 'producer' | 'worker'): RedisOptions {
  const parsed = new URL(url);
  const base: RedisOptions = {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    connectTimeout: 5000,
    // Reconnect every 2 s at most while Redis is away, so work resumes soon after it is back
    // (BullMQ's own default backs off to 20 s).
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
  return role === 'producer'
    ? { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1 }
    : { ...base, maxRetriesPerRequest: null };
}

/**
 * How long the processes' own client (rate limits, failed logins, health, heartbeats) waits for
 * an answer from a Redis that is connected but does not answer: a request never waits longer.
 * (Not on BullMQ's connections: its internal commands may take longer under load, and a job
 * that could not be queued in time is queued by the watchdog anyway.)
 */
export const CLIENT_COMMAND_TIMEOUT_MS = 5000;

/**
 * BullMQ needs `maxmemory-policy noeviction`, or Redis may drop job keys under memory
 * pressure. Returns a warning to log, or undefined when the policy is right or unknowable
 * (managed Redis may forbid CONFIG GET).
 */
export async function evictionPolicyWarning(redis: Redis): Promise<string | undefined> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply?.[1];
    if (policy && policy !== 'noeviction') {
      return `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or jobs can be lost (redis-cli CONFIG SET maxmemory-policy noeviction)`;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * A client for a Redis Cluster, seeded with REDIS_URL's node (the others are discovered), with
 * the role's options on every node connection. Typed as Redis: the commands this app uses are
 * the same on a cluster client, and every key shares one hash slot (REDIS_PREFIX is a hash tag).
 */
export function clusterClient(url: string, role: 'producer' | 'worker', extra: RedisOptions = {}): Redis {
  const { host, port, keyPrefix, ...nodeOptions } = { ...redisOptions(url, role), ...extra };
  const options = role === 'producer' ? { enableOfflineQueue: false } : {};
  return new Cluster([{ host, port }], {
    ...options,
    keyPrefix,
    lazyConnect: nodeOptions.lazyConnect,
    clusterRetryStrategy: nodeOptions.retryStrategy,
    redisOptions: nodeOptions,
  }) as unknown as Redis;
}
