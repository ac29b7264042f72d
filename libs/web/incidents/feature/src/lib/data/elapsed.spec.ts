import { countdown, elapsedBetween, formatElapsed } from './elapsed';

const MIN = 60_000;

describe('formatElapsed', () => {
  it.each([
    [0, 'zh-CN', '0分钟'],
    [59_000, 'zh-CN', '0分钟'],
    [6 * MIN, 'zh-CN', '6分钟'],
    [65 * MIN, 'zh-CN', '1小时5分钟'],
    [120 * MIN, 'zh-CN', '2小时'],
    [(26 * 60 + 5) * MIN, 'zh-CN', '1天2小时'],
    [6 * MIN, 'en', '6 min'],
    [65 * MIN, 'en', '1 h 5 min'],
    [(26 * 60 + 5) * MIN, 'en', '1 d 2 h'],
    [-5 * MIN, 'en', '0 min'],
  ])('%d ms in %s is %s', (ms, lang, text) => {
    expect(formatElapsed(ms, lang)).toBe(text);
  });
});

describe('elapsedBetween', () => {
  it('measures between two instants, null when one is missing', () => {
    expect(elapsedBetween('2026-12-04T06:00:00Z', '2026-12-04T06:06:00Z')).toBe(6 * MIN);
    expect(elapsedBetween('2026-12-04T06:00:00Z', null)).toBeNull();
    expect(elapsedBetween('nonsense', Date.now())).toBeNull();
  });
});

describe('countdown', () => {
  const deadline = '2026-12-05T06:00:00Z';
  it('counts down to the deadline, warning in its last hours', () => {
    expect(countdown(deadline, Date.parse('2026-12-04T06:30:00Z'), 'zh-CN')).toEqual({
      overdue: false,
      text: '23小时30分钟',
      soon: false,
    });
    expect(countdown(deadline, Date.parse('2026-12-05T04:00:00Z'), 'en').soon).toBe(true);
  });
  it('says how long a missed deadline is overdue', () => {
    expect(countdown(deadline, Date.parse('2026-12-05T08:00:00Z'), 'zh-CN')).toEqual({
      overdue: true,
      text: '2小时',
      soon: false,
    });
  });
});
