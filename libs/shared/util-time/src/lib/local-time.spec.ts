import {
  addDays,
  dayRange,
  instantOf,
  isLocalDate,
  isTimeZone,
  localDateOf,
  localTimeOf,
  weekdayOf,
} from './local-time';

describe('local time helpers', () => {
  it('tells real local dates from malformed or impossible ones', () => {
    expect(isLocalDate('2026-12-01')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
    expect(isLocalDate('tomorrow')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2100-02-29')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('2026-04-31')).toBe(false);
    expect(isLocalDate('2026-12-31')).toBe(true);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-00-10')).toBe(false);
    expect(isLocalDate('2026-01-00')).toBe(false);
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('computes the local date of an instant in the project zone', () => {
    // 2026-12-01 17:30 UTC is already 2026-12-02 01:30 in Shanghai.
    const instant = Date.UTC(2026, 11, 1, 17, 30);
    expect(localDateOf(instant, 'Asia/Shanghai')).toBe('2026-12-02');
    expect(localDateOf(instant, 'UTC')).toBe('2026-12-01');
    expect(localTimeOf(instant, 'Asia/Shanghai')).toBe('01:30');
  });

  it('converts local date-times to instants', () => {
    expect(instantOf('2026-12-02', '08:00', 'Asia/Shanghai').toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(() => instantOf('2026-13-01', '08:00', 'Asia/Shanghai')).toThrow(RangeError);
    // Remembered answers: asked again, the same instant, in a Date of its own (a caller may change it).
    const first = instantOf('2026-12-02', '08:00', 'Asia/Shanghai');
    first.setTime(0);
    expect(instantOf('2026-12-02', '08:00', 'Asia/Shanghai').toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(instantOf('2026-12-02', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-12-02T07:00:00.000Z');
    // The zone and the time are part of what is remembered, and a refusal is not.
    expect(instantOf('2026-12-02', '09:30', 'Asia/Shanghai').toISOString()).toBe('2026-12-02T01:30:00.000Z');
    expect(() => instantOf('2026-13-01', '08:00', 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('covers 23 hours on the spring-forward day of a DST zone', () => {
    const { start, end } = dayRange('2026-03-29', 'Europe/Berlin');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it('adds days and names weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayOf('2026-11-27')).toBe(5);
  });
});
