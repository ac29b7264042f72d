import { loadConfig } from '@worksite/server-config';
import { ChannelKind } from '@worksite/shared-domain';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { RobotRateLimiter, safetyMargin } from './robot-rate-limiter';

describe('RobotRateLimiter against Redis', () => {
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const config = loadConfig();
  const redis = new Redis(config.REDIS_URL, { keyPrefix: `${prefix}:` });
  const limiter = new RobotRateLimiter(redis, {
    ...config,
    NOTICE_ROBOT_LIMITS: 'wecom=20/60;dingtalk=20/60;feishu=5/1,100/60',
  });
  const t0 = 1_800_000_000_000;

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys.map((key) => key.slice(prefix.length + 1)));
    await redis.quit();
  });

  it('lets 20 messages a minute through per WeCom robot and says when the next may go', async () => {
    for (let i = 0; i < 20; i++) expect(await limiter.reserve(ChannelKind.WeCom, 'https://w/1', t0 + i * 100)).toBe(0);
    // A minute plus the safety margin (1.2 s: a send may reach the robot a little after its reservation).
    const minute = 60_000 + safetyMargin({ limit: 20, windowMs: 60_000 });
    expect(minute).toBe(61_200);
    expect(await limiter.reserve(ChannelKind.WeCom, 'https://w/1', t0 + 5000)).toBe(minute - 5000);
    expect(await limiter.reserve(ChannelKind.WeCom, 'https://w/1', t0 + minute - 1)).toBe(1);
    expect(await limiter.reserve(ChannelKind.WeCom, 'https://w/1', t0 + minute)).toBe(0);
    // The second slot frees 100 ms later; another robot is not affected at all.
    expect(await limiter.reserve(ChannelKind.WeCom, 'https://w/1', t0 + minute + 50)).toBe(50);
    expect(await limiter.reserve(ChannelKind.WeCom, 'https://w/2', t0 + minute + 50)).toBe(0);
    expect(await limiter.reserve(ChannelKind.DingTalk, 'https://w/1', t0 + minute + 50)).toBe(0);
  });

  it('holds Feishu to 5 a second and 100 a minute at once', async () => {
    const robot = 'https://open.feishu.cn/open-apis/bot/v2/hook/x';
    let sent = 0;
    let now = t0;
    const times: number[] = [];
    while (now < t0 + 60_000) {
      const wait = await limiter.reserve(ChannelKind.Feishu, robot, now);
      if (wait === 0) {
        sent++;
        times.push(now);
        now += 10;
      } else now += wait;
    }
    // Sending as fast as allowed for a minute: 5 a second would be 300; the minute limit stops it at 100.
    expect(sent).toBe(100);
    for (let i = 5; i < times.length; i++) expect(times[i] - times[i - 5]).toBeGreaterThanOrEqual(1000);
  });

  it('never records a refused send (a throttled message uses no slot)', async () => {
    const robot = 'https://w/3';
    for (let i = 0; i < 20; i++) await limiter.reserve(ChannelKind.WeCom, robot, t0);
    for (let i = 0; i < 50; i++)
      expect(await limiter.reserve(ChannelKind.WeCom, robot, t0 + 1000 + i)).toBeGreaterThan(0);
    expect(await redis.zcard(RobotRateLimiter.robotKey(ChannelKind.WeCom, robot))).toBe(20);
  });
});
