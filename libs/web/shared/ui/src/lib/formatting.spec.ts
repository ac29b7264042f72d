import { formatWorkingMinutes } from './working-minutes.pipe';
import { formatZoned } from './zoned-time.pipe';

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
