import { icsEscape, icsFile, icsFold, vtimezoneLines } from './ics-writer';

describe('the iCalendar writer', () => {
  it('escapes TEXT values and folds lines after 74 octets without splitting a character', () => {
    expect(icsEscape('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const line = `DESCRIPTION:${'电缆'.repeat(30)}`;
    const folded = icsFold(line);
    expect(folded.split('\r\n ').join('')).toBe(line);
    for (const physical of folded.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
    expect(icsFile(['BEGIN:VCALENDAR', 'END:VCALENDAR'])).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR');
  });

  it('describes a zone without changes by one observance', () => {
    const lines = vtimezoneLines(
      'Asia/Shanghai',
      Date.parse('2026-12-01T00:00:00Z'),
      Date.parse('2027-02-01T00:00:00Z'),
    );
    expect(lines).toEqual([
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
    const text = vtimezoneLines(
      'Europe/Berlin',
      Date.parse('2027-03-01T00:00:00Z'),
      Date.parse('2027-04-30T00:00:00Z'),
    ).join('\r\n');
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
  });
});
