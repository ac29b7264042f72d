import { crewDayKey, crewTapsKey, forgetKeptDays } from './crew-phone-keys';

describe('forgetKeptDays', () => {
  afterEach(() => localStorage.clear());

  beforeEach(() => {
    localStorage.setItem(crewDayKey('lead-1'), '{"crewId":"c1"}');
    localStorage.setItem(crewDayKey('lead-2'), '{"crewId":"c2"}');
    localStorage.setItem(crewTapsKey('lead-1'), '[{"clientKey":"k"}]');
    localStorage.setItem('worksite.language', 'zh-CN');
  });

  it("keeps only the signed-in user's day, and every outbox (their taps are not lost)", () => {
    forgetKeptDays(localStorage, 'lead-2');
    expect(localStorage.getItem(crewDayKey('lead-1'))).toBeNull();
    expect(localStorage.getItem(crewDayKey('lead-2'))).not.toBeNull();
    expect(localStorage.getItem(crewTapsKey('lead-1'))).not.toBeNull();
    expect(localStorage.getItem('worksite.language')).toBe('zh-CN');
  });

  it('removes every kept day at logout', () => {
    forgetKeptDays(localStorage, null);
    expect(Object.keys(localStorage).sort()).toEqual([crewTapsKey('lead-1'), 'worksite.language'].sort());
  });

  it('does nothing without storage', () => {
    expect(() => forgetKeptDays(null, null)).not.toThrow();
  });
});
