import { formatWorkingMinutes } from './working-minutes.pipe';
import { formatZoned } from './zoned-time.pipe';
import { formatZonedRange } from './zoned-range.pipe';

describe('formatZoned', () => {
  const t = '2026-12-01T00:30:00Z'; // 08:30 in Shanghai, a Tuesday

  it('shows the time in the project zone, not the browser zone', () => {
    expect(formatZoned(t, 'Asia/Shanghai', 'time', 'zh-CN')).toBe('08:30');
    expect(formatZoned(t, 'Europe/Berlin', 'time', 'en')).toBe('01:30');
  });

  it('writes dates in the interface language', () => {
    expect(formatZoned(t, 'Asia/Shanghai', 'date', 'zh-CN')).toContain('12月1日');
    expect(formatZoned(t, 'Asia/Shanghai', 'date', 'en')).toContain('Tue');
  });

  it('shows nothing for an invalid instant', () => {
    expect(formatZoned('nope', 'Asia/Shanghai', 'time', 'en')).toBe('');
  });
});

describe('formatWorkingMinutes', () => {
  it('writes hours and minutes in both languages', () => {
    expect(formatWorkingMinutes(390, 'en')).toBe('6 h 30 min');
    expect(formatWorkingMinutes(390, 'zh-CN')).toBe('6小时30分');
    expect(formatWorkingMinutes(120, 'en')).toBe('2 h');
    expect(formatWorkingMinutes(0, 'zh-CN')).toBe('0分');
    expect(formatWorkingMinutes(-45, 'en')).toBe('-45 min');
  });
});

describe('formatZonedRange', () => {
  const zone = 'Asia/Shanghai';
  // Thursday 2026-12-03 16:00 to Friday 11:00, local.
  const start = '2026-12-03T08:00:00Z';
  const overnight = '2026-12-04T03:00:00Z';

  it('shows both dates of a range that crosses midnight, in both languages', () => {
    expect(formatZonedRange(start, overnight, zone, 'datetime', 'zh-CN')).toBe('12月3日周四 16:00 – 12月4日周五 11:00');
    expect(formatZonedRange(start, overnight, zone, 'time', 'en')).toBe('Thu 3 Dec, 16:00 – Fri 4 Dec, 11:00');
  });

  it('shows the day once for a range inside it, and no date in a day plan of that day', () => {
    const end = '2026-12-03T10:00:00Z';
    expect(formatZonedRange(start, end, zone, 'datetime', 'zh-CN')).toBe('12月3日周四 16:00–18:00');
    expect(formatZonedRange(start, end, zone, 'time', 'zh-CN', '2026-12-03')).toBe('16:00–18:00');
    // A network cut on the 7th listed in the plan of the 4th says when.
    expect(formatZonedRange(start, end, zone, 'time', 'zh-CN', '2026-12-04')).toBe('12月3日周四 16:00–18:00');
  });

  it('keeps a range that ends at midnight on its day', () => {
    expect(formatZonedRange('2026-12-03T12:00:00Z', '2026-12-03T16:00:00Z', zone, 'time', 'en')).toBe('20:00–00:00');
  });
});
