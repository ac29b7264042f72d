import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { REDIS } from '@worksite/server-queue';
import { ChannelKind } from '@worksite/shared-domain';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { parseRobotLimits, RateWindow, RobotKindLimits } from './robot-limits';

/**
 * Sliding-window log per robot in a Redis sorted set, checked and recorded atomically: if
 * every window has room, the send is recorded and 0 returned; otherwise nothing is recorded
 * and the milliseconds until the earliest window frees a slot are returned.
 * ARGV: now, member, then (limit, windowMs) pairs.
 */
const RESERVE = `
local now = tonumber(ARGV[1])
local longest = 0
for i = 3, #ARGV, 2 do
  local window = tonumber(ARGV[i + 1])
  if window > longest then longest = window end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
local wait = 0
for i = 3, #ARGV, 2 do
  local limit = tonumber(ARGV[i])
  local window = tonumber(ARGV[i + 1])
  local count = redis.call('ZCOUNT', KEYS[1], '(' .. (now - window), '+inf')
  if count >= limit then
    local entry = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - window), '+inf', 'WITHSCORES', 'LIMIT', count - limit, 1)
    local free = tonumber(entry[2]) + window - now
    if free > wait then wait = free end
  end
end
if wait > 0 then return wait end
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], longest)
return 0
`;

/** How much longer than the provider's window ours is: 2 % of it, at least 250 ms. */
export function safetyMargin(window: RateWindow): number {
  return Math.max(250, Math.round(window.windowMs * 0.02));
}

/**
 * Per-robot rate limits shared by every worker (WeCom and DingTalk 20 a minute, Feishu 5 a
 * second and 100 a minute by default). BullMQ has no per-group limit, so this is ours.
 */
@Injectable()
export class RobotRateLimiter {
  private readonly limits: RobotKindLimits;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.limits = parseRobotLimits(config.NOTICE_ROBOT_LIMITS);
  }

  /** The Redis key of a robot: its webhook without query signatures, hashed (the URL holds its key). */
  static robotKey(kind: ChannelKind, address: string): string {
    return `robot-rate:${kind}:${createHash('sha256').update(address).digest('hex').slice(0, 32)}`;
  }

  windows(kind: ChannelKind): RateWindow[] {
    return this.limits[kind] ?? [];
  }

  /**
   * Reserves one send now, or returns how many milliseconds to wait (0 = reserved). Each
   * window is counted a little longer than the provider's (2 %, at least 250 ms): the robot
   * counts messages when they arrive, and a send can leave a busy worker later than it was
   * reserved, which would otherwise put one message too many in the robot's window.
   */
  async reserve(kind: ChannelKind, address: string, now: number, windows = this.windows(kind)): Promise<number> {
    if (!windows.length) return 0;
    const args = [String(now), `${now}-${randomBytes(6).toString('hex')}`];
    for (const window of windows) args.push(String(window.limit), String(window.windowMs + safetyMargin(window)));
    const wait = (await this.redis.eval(RESERVE, 1, RobotRateLimiter.robotKey(kind, address), ...args)) as number;
    return Number(wait);
  }
}
