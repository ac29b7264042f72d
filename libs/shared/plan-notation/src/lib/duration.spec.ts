import { formatDuration, MAX_DURATION_DAYS, parseDuration, parseSignedDuration } from './duration';

const DAY = 480; // 08–12 and 14–18

const minutes = (text: string, day = DAY) => {
  const result = parseDuration(text, day);
  return result.ok ? result.minutes : result.error.kind;
};

describe('parseDuration', () => {
  it.each([
    ['3d', 3 * DAY],
    ['3 d', 3 * DAY],
    ['3D', 3 * DAY],
    ['2.5d', 2.5 * DAY],
    ['.5d', DAY / 2],
    ['4h', 240],
    ['30m', 30],
    ['3 days', 3 * DAY],
    ['1 day', DAY],
    ['2 hours', 120],
    ['45 min', 45],
    ['3d 4h', 3 * DAY + 240],
    ['3d4h30m', 3 * DAY + 270],
    ['3', 3 * DAY],
    ['0.5', DAY / 2],
    ['3天', 3 * DAY],
    ['3 天', 3 * DAY],
    ['4小时', 240],
    ['4个小时', 240],
    ['半天', DAY / 2],
    ['90分钟', 90],
    ['1天4小时', DAY + 240],
    ['1天半', 1.5 * DAY],
    ['两天', 2 * DAY],
    ['三天', 3 * DAY],
    ['十天', 10 * DAY],
    ['十五天', 15 * DAY],
    ['二十天', 20 * DAY],
    ['一个半小时', 90],
    ['半小时', 30],
    ['３天', 3 * DAY],
    ['  3d  ', 3 * DAY],
    ['+3d', 3 * DAY],
  ])('reads %j as %d working minutes', (text, expected) => {
    expect(minutes(text)).toBe(expected);
  });

  it('counts days in the working minutes of the calendar day', () => {
    expect(minutes('2d', 420)).toBe(840);
    expect(minutes('2.5d', 420)).toBe(1050);
  });

  it('rounds to whole minutes', () => {
    expect(minutes('0.01d')).toBe(5);
    expect(minutes('1.25h')).toBe(75);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-3d', 'negative'],
    ['-1', 'negative'],
    ['0', 'zero'],
    ['0d', 'zero'],
    ['0.0001m', 'zero'],
    ['abc', 'invalid'],
    ['3x', 'invalid'],
    ['3dd', 'invalid'],
    ['d3', 'invalid'],
    ['3d 4', 'invalid'],
    ['3 4', 'invalid'],
    ['1.2.3d', 'invalid'],
    ['3天呢', 'invalid'],
    ['NaN', 'invalid'],
    ['Infinity', 'invalid'],
    ['1e3', 'invalid'],
    [`${MAX_DURATION_DAYS + 1}d`, 'tooLong'],
    ['99999999999999999999d', 'tooLong'],
  ])('refuses %j (%s)', (text, kind) => {
    expect(minutes(text)).toBe(kind);
  });

  it('accepts exactly the longest duration', () => {
    expect(minutes(`${MAX_DURATION_DAYS}d`)).toBe(MAX_DURATION_DAYS * DAY);
  });

  it('refuses everything when the calendar has no working day', () => {
    expect(minutes('3d', 0)).toBe('invalid');
  });
});

describe('parseSignedDuration', () => {
  it('reads signs and zero (lags)', () => {
    expect(parseSignedDuration('-4h', DAY)).toEqual({ ok: true, minutes: -240 });
    expect(parseSignedDuration('+2d', DAY)).toEqual({ ok: true, minutes: 960 });
    expect(parseSignedDuration('0', DAY)).toEqual({ ok: true, minutes: 0 });
    expect(parseSignedDuration('-0d', DAY)).toEqual({ ok: true, minutes: 0 });
  });
});

describe('formatDuration', () => {
  it.each([
    [3 * DAY, 'zh-CN', '3天'],
    [240, 'zh-CN', '4小时'],
    [3 * DAY + 240, 'zh-CN', '3天4小时'],
    [90, 'zh', '1小时30分钟'],
    [0, 'zh-CN', '0天'],
    [3 * DAY, 'en', '3d'],
    [240, 'en', '4h'],
    [3 * DAY + 240, 'en', '3d 4h'],
    [DAY + 61, 'en-US', '1d 1h 1m'],
    [-240, 'en', '-4h'],
  ])('writes %d minutes in %s as %j', (value, locale, expected) => {
    expect(formatDuration(value, DAY, locale)).toBe(expected);
  });

  it('reads back what it writes, in both languages', () => {
    for (const value of [1, 59, 60, 240, 479, 480, 481, 1000, 3 * DAY + 270, 3650 * DAY]) {
      for (const locale of ['zh-CN', 'en']) {
        expect(parseDuration(formatDuration(value, DAY, locale), DAY)).toEqual({ ok: true, minutes: value });
      }
    }
  });
});
