import { vtimezoneFor } from './vtimezone';

describe('vtimezoneFor', () => {
  it('describes a zone without changes by one observance', () => {
    const text = vtimezoneFor('Asia/Shanghai', Date.parse('2026-12-01T00:00:00Z'), Date.parse('2027-02-01T00:00:00Z'));
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Shanghai',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0800',
      'TZOFFSETTO:+0800',
      'TZNAME:GMT+8',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('adds an observance at each change of offset inside the window, at its local time', () => {
    const text = vtimezoneFor('Europe/Berlin', Date.parse('2027-03-01T00:00:00Z'), Date.parse('2027-04-30T00:00:00Z'));
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
  });
});
