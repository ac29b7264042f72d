import { formatLag, parseLag } from './lag-notation';

const DAY = 480;

describe('lag notation', () => {
  it.each([
    ['2d', 960],
    ['-4h', -240],
    ['1天', 480],
    ['3小时', 180],
    ['- 1 天', -480],
    ['1.5d', 720],
    ['30min', 30],
    ['45分钟', 45],
    ['1d 4h', 720],
    ['1天4小时', 720],
    ['2', 960],
    ['+2D', 960],
    ['0', 0],
    ['-0h', 0],
    ['２天', 960],
    ['－１．５ｈ', -90],
    ['', null],
    ['-', null],
    ['d', null],
    ['2w', null],
    ['2d x', null],
    ['abc', null],
  ])('reads %p as %p working minutes', (text, minutes) => {
    expect(parseLag(text, DAY)).toBe(minutes);
  });

  it('uses the calendar working day (a 10-hour day)', () => {
    expect(parseLag('1d', 600)).toBe(600);
  });

  it('writes back what it reads', () => {
    expect([960, -240, 0, 720, 30, -45].map((m) => formatLag(m, DAY))).toEqual([
      '2d',
      '-4h',
      '0d',
      '12h',
      '30min',
      '-45min',
    ]);
    for (const m of [960, -240, 720, 30]) expect(parseLag(formatLag(m, DAY), DAY)).toBe(m);
  });
});
