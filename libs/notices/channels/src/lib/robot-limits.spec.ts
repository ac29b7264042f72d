import { parseRobotLimits } from './robot-limits';

describe('parseRobotLimits', () => {
  it('reads the providers’ published limits', () => {
    expect(parseRobotLimits('wecom=20/60;dingtalk=20/60;feishu=5/1,100/60')).toEqual({
      wecom: [{ limit: 20, windowMs: 60_000 }],
      dingtalk: [{ limit: 20, windowMs: 60_000 }],
      feishu: [
        { limit: 5, windowMs: 1000 },
        { limit: 100, windowMs: 60_000 },
      ],
    });
  });

  it('refuses a zero limit or window', () => {
    expect(() => parseRobotLimits('wecom=0/60')).toThrow('invalid robot limit');
    expect(() => parseRobotLimits('wecom=20/0')).toThrow('invalid robot limit');
  });
});
