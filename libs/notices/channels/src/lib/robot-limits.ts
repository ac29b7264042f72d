import { ChannelKind } from '@worksite/shared-domain';

/** One rate window: at most `limit` messages in any `windowMs`. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

export type RobotKindLimits = Partial<Record<ChannelKind, RateWindow[]>>;

/** Parses NOTICE_ROBOT_LIMITS, e.g. `wecom=20/60;dingtalk=20/60;feishu=5/1,100/60` (count/seconds). */
export function parseRobotLimits(text: string): RobotKindLimits {
  const limits: RobotKindLimits = {};
  for (const part of text.split(';').filter(Boolean)) {
    const [kind, windows] = part.split('=');
    limits[kind.trim() as ChannelKind] = windows.split(',').map((window) => {
      const [limit, seconds] = window.split('/').map(Number);
      if (!(limit > 0) || !(seconds > 0)) throw new Error(`invalid robot limit "${window}" for ${kind}`);
      return { limit, windowMs: seconds * 1000 };
    });
  }
  return limits;
}

export const ROBOT_KINDS: readonly ChannelKind[] = [ChannelKind.WeCom, ChannelKind.DingTalk, ChannelKind.Feishu];
