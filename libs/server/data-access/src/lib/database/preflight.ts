import { AppConfig } from '@worksite/server-config';
import Redis from 'ioredis';
import { Client } from 'pg';

/**
 * Checks that PostgreSQL (and Redis) answer before anything else starts, and stops the
 * process with one line saying which is missing and how to start it.
 */
export async function preflight(config: AppConfig, need: { redis: boolean }): Promise<void> {
  const problems: string[] = [];
  const url = new URL(config.DATABASE_URL);
  url.pathname = '/postgres';
  const pg = new Client({
    connectionString: url.toString(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (error) {
    problems.push(
      `PostgreSQL is not reachable at ${url.host} (${(error as Error).message}); start it with ` +
        `"docker compose up -d postgres" or "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  if (need.redis) {
    const redis = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      connectTimeout: 3000,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      problems.push(
        `Redis is not reachable at ${new URL(config.REDIS_URL).host} (${(error as Error).message}); start it with ` +
          `"docker compose up -d redis" or "redis-server --daemonize yes"`,
      );
    } finally {
      redis.disconnect();
    }
  }
  if (problems.length) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
}
