import { InterruptionKind } from '@worksite/shared-domain';
import {
  announcementDeadline,
  announcementTiming,
  cutFingerprint,
  DEFAULT_LEAD_DAYS,
  isAnnouncementClash,
  parseLeadDays,
} from './lead-times';

const DAY = 86_400_000;
const start = Date.parse('2026-11-20T00:00:00Z');

describe('lead times', () => {
  it('reads the setting and keeps power at 7 days at least', () => {
    expect(parseLeadDays('water=2; gas=5')).toEqual({ ...DEFAULT_LEAD_DAYS, water: 2, gas: 5 });
    expect(parseLeadDays('')).toEqual(DEFAULT_LEAD_DAYS);
    expect(parseLeadDays('power=5')).toMatch(/7 days/);
    expect(parseLeadDays('electricity=3')).toMatch(/not kind=days/);
  });

  it('makes a power cut announced 5 days ahead a clash, 7 days ahead not', () => {
    const lead = DEFAULT_LEAD_DAYS;
    expect(announcementDeadline(start, InterruptionKind.Power, lead)).toBe(start - 7 * DAY);
    const fiveDays = announcementTiming(
      { kind: 'power', startsAt: start, postedAt: start - 5 * DAY, postedOther: false },
      lead,
      0,
    );
    const sevenDays = announcementTiming(
      { kind: 'power', startsAt: start, postedAt: start - 7 * DAY, postedOther: false },
      lead,
      0,
    );
    expect(fiveDays).toBe('late');
    expect(isAnnouncementClash(fiveDays)).toBe(true);
    expect(sevenDays).toBe('on-time');
    expect(isAnnouncementClash(sevenDays)).toBe(false);
  });

  it('calls an unposted cut due before its deadline, missing after, outdated when residents were told other times', () => {
    const facts = { kind: 'water', startsAt: start, postedAt: null, postedOther: false };
    expect(announcementTiming(facts, DEFAULT_LEAD_DAYS, start - 4 * DAY)).toBe('due');
    expect(announcementTiming(facts, DEFAULT_LEAD_DAYS, start - 2 * DAY)).toBe('missing');
    expect(announcementTiming({ ...facts, postedOther: true }, DEFAULT_LEAD_DAYS, start - 9 * DAY)).toBe('outdated');
    expect(isAnnouncementClash('outdated')).toBe(true);
    expect(isAnnouncementClash('due')).toBe(false);
  });

  it('fingerprints a cut by kind, times and places (order of places aside)', () => {
    const cut = {
      kind: 'power',
      startsAt: '2026-11-20T00:00:00Z',
      endsAt: '2026-11-20T04:00:00.000Z',
      locationIds: ['b', 'a'],
    };
    expect(cutFingerprint(cut)).toBe(cutFingerprint({ ...cut, locationIds: ['a', 'b'] }));
    expect(cutFingerprint(cut)).not.toBe(cutFingerprint({ ...cut, startsAt: '2026-11-20T02:00:00Z' }));
  });
});
