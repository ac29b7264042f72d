import { RedisServerProcess } from '@worksite/server-testing';
import Redis from 'ioredis';
import { FallbackThrottlerStorage } from './fallback-throttler-storage';
import { redisOptions } from './redis-connection';
import { WindowCounters } from './window-counters';

/** Rate limits and login counters while a real Redis process of the test's own stops and starts again. */
describe('counting while Redis is down', () => {
  let server: RedisServerProcess;
  let redis: Redis;
  const waitFor = async (what: string, check: () => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    server = await RedisServerProcess.start();
    redis = new Redis({ ...redisOptions(server.url, 'producer'), keyPrefix: 'test:' });
    redis.on('error', () => undefined);
    await waitFor('the connection', () => redis.status === 'ready');
  });

  afterAll(async () => {
    redis?.disconnect();
    await server?.kill();
  });

  it('limits in Redis, in the process while Redis is down (without waiting for it), and in Redis again after', async () => {
    const storage = new FallbackThrottlerStorage(redis);
    const hit = (key: string) => storage.increment(key, 60_000, 3, 60_000, 'default');
    expect((await hit('a')).totalHits).toBe(1);
    expect(await redis.exists('{a:default}:hits')).toBe(1);
    expect(storage.countingLocally).toBe(false);

    await server.stop();
    const started = Date.now();
    const records = [];
    for (let i = 0; i < 5; i++) records.push(await hit('b'));
    expect(Date.now() - started).toBeLessThan(500);
    expect(storage.countingLocally).toBe(true);
    expect(records.map((r) => r.isBlocked)).toEqual([false, false, false, true, true]);

    await server.restart();
    await waitFor('the reconnection', () => redis.status === 'ready');
    expect((await hit('b')).isBlocked).toBe(false);
    expect(storage.countingLocally).toBe(false);
    expect(await redis.exists('{b:default}:hits')).toBe(1);
  });

  it('counts failed logins in the process while Redis is down, in Redis again after', async () => {
    const counters = new WindowCounters(redis, 'failed logins');
    expect(await counters.hit('user-a', 60)).toBe(1);
    expect(await redis.get('user-a')).toBe('1');
    await server.stop();
    expect(await counters.hit('user-b', 60)).toBe(1);
    expect(await counters.hit('user-b', 60)).toBe(2);
    expect(await counters.count('user-b')).toEqual({ count: 2, ttlSeconds: 60 });
    await counters.clear('user-b');
    expect((await counters.count('user-b')).count).toBe(0);
    await server.restart();
    await waitFor('the reconnection', () => redis.status === 'ready');
    expect(await counters.hit('user-c', 60)).toBe(1);
    expect(await redis.get('user-c')).toBe('1');
  });
});
