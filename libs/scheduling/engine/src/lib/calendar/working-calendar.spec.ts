import { ALWAYS_UTC, at, everyDay, local, sh, shl } from '../../testing/calendars';
import { CalendarSpec, CalendarSpecError } from './calendar-spec';
import { WorkingCalendar } from './working-calendar';

describe('WorkingCalendar (default: Asia/Shanghai, Mon–Fri 08–12 and 14–18)', () => {
  const cal = WorkingCalendar.compile();
  // 2026-03-02 is a Monday.

  it('finishes work that uses up the morning at 12:00, and starts the next work at 14:00', () => {
    expect(shl(cal.addWorkingMinutes(sh('2026-03-02T08:00'), 240))).toBe('2026-03-02T12:00');
    expect(shl(cal.addWorkingMinutes(sh('2026-03-02T08:00'), 241))).toBe('2026-03-02T14:01');
    expect(shl(cal.nextWorkingInstant(sh('2026-03-02T12:00')))).toBe('2026-03-02T14:00');
    expect(shl(cal.nextWorkingInstant(sh('2026-03-02T13:10')))).toBe('2026-03-02T14:00');
    expect(shl(cal.nextWorkingInstant(sh('2026-03-02T09:30')))).toBe('2026-03-02T09:30');
  });

  it('treats windows as half-open [start, end)', () => {
    expect(cal.isWorking(sh('2026-03-02T08:00'))).toBe(true);
    expect(cal.isWorking(sh('2026-03-02T11:59'))).toBe(true);
    expect(cal.isWorking(sh('2026-03-02T12:00'))).toBe(false);
    expect(cal.isWorking(sh('2026-03-02T14:00'))).toBe(true);
    expect(cal.isWorking(sh('2026-03-02T18:00'))).toBe(false);
    expect(cal.isWorking(sh('2026-03-07T10:00'))).toBe(false); // Saturday
  });

  it('goes backwards: previous working instant is a window end, negative minutes land on a window start', () => {
    expect(shl(cal.previousWorkingInstant(sh('2026-03-02T14:00')))).toBe('2026-03-02T12:00');
    expect(shl(cal.previousWorkingInstant(sh('2026-03-02T12:00')))).toBe('2026-03-02T12:00');
    expect(shl(cal.previousWorkingInstant(sh('2026-03-02T07:00')))).toBe('2026-02-27T18:00');
    expect(shl(cal.addWorkingMinutes(sh('2026-03-02T18:00'), -240))).toBe('2026-03-02T14:00');
    expect(shl(cal.addWorkingMinutes(sh('2026-03-02T14:00'), -1))).toBe('2026-03-02T11:59');
    expect(shl(cal.addWorkingMinutes(sh('2026-03-02T08:00'), -60))).toBe('2026-02-27T17:00');
  });

  it('counts working minutes, signed', () => {
    expect(cal.workingMinutesBetween(sh('2026-03-02T08:00'), sh('2026-03-09T08:00'))).toBe(2400);
    expect(cal.workingMinutesBetween(sh('2026-03-09T08:00'), sh('2026-03-02T08:00'))).toBe(-2400);
    expect(cal.workingMinutesBetween(sh('2026-03-02T11:00'), sh('2026-03-02T15:00'))).toBe(120);
    expect(shl(cal.addWorkingMinutes(sh('2026-03-02T08:00'), 2400))).toBe('2026-03-06T18:00');
    expect(cal.addWorkingMinutes(sh('2026-03-02T09:00'), 0)).toBe(sh('2026-03-02T09:00'));
  });

  it('lists working intervals of a range for Gantt shading', () => {
    expect(
      cal.workingIntervals(sh('2026-03-02T10:00'), sh('2026-03-03T09:00')).map((r) => [shl(r.start), shl(r.end)]),
    ).toEqual([
      ['2026-03-02T10:00', '2026-03-02T12:00'],
      ['2026-03-02T14:00', '2026-03-02T18:00'],
      ['2026-03-03T08:00', '2026-03-03T09:00'],
    ]);
  });

  it('keeps positions stable while it grows lazily forwards and backwards', () => {
    const lazy = WorkingCalendar.compile();
    const a = sh('2026-03-02T08:00');
    const far = sh('2031-07-01T08:00');
    const past = sh('2019-05-06T08:00');
    const ab = lazy.workingMinutesBetween(a, far);
    const pa = lazy.workingMinutesBetween(past, a);
    expect(lazy.workingMinutesBetween(past, far)).toBe(ab + pa);
    expect(cal.workingMinutesBetween(past, far)).toBe(ab + pa);
  });
});

describe('holidays, make-up days and blackouts', () => {
  const spec: CalendarSpec = {
    holidays: ['2026-04-06', '2026-02-28'],
    makeUpWorkdays: ['2026-02-14', { date: '2026-03-01', windows: [{ start: '09:00', end: '11:00' }] }, '2026-02-28'],
    blackouts: [
      { label: '高考', start: sh('2026-06-07T00:00'), end: sh('2026-06-10T00:00') },
      { label: 'inspection', start: sh('2026-06-11T09:00'), end: sh('2026-06-11T10:30') },
    ],
  };
  const cal = WorkingCalendar.compile(spec);

  it('skips a holiday (清明, Mon 2026-04-06)', () => {
    expect(shl(cal.nextWorkingInstant(sh('2026-04-03T18:00')))).toBe('2026-04-07T08:00');
    expect(cal.workingMinutesBetween(sh('2026-04-03T08:00'), sh('2026-04-08T08:00'))).toBe(960);
  });

  it('works a make-up Saturday with the Monday windows, or with its own', () => {
    expect(
      cal.workingIntervals(sh('2026-02-14T00:00'), sh('2026-02-15T00:00')).map((r) => [shl(r.start), shl(r.end)]),
    ).toEqual([
      ['2026-02-14T08:00', '2026-02-14T12:00'],
      ['2026-02-14T14:00', '2026-02-14T18:00'],
    ]);
    expect(cal.workingMinutesBetween(sh('2026-03-01T00:00'), sh('2026-03-02T00:00'))).toBe(120);
  });

  it('lets a holiday win over a make-up day on the same date', () => {
    expect(cal.workingMinutesBetween(sh('2026-02-28T00:00'), sh('2026-03-01T00:00'))).toBe(0);
  });

  it('takes make-up windows from a custom Monday', () => {
    const custom = WorkingCalendar.compile({
      weekly: { 1: [{ start: '07:30', end: '16:30' }] },
      makeUpWorkdays: ['2026-02-14'],
    });
    expect(custom.workingMinutesBetween(sh('2026-02-14T00:00'), sh('2026-02-15T00:00'))).toBe(540);
    expect(custom.workingMinutesBetween(sh('2026-02-17T00:00'), sh('2026-02-18T00:00'))).toBe(0); // Tuesday: no windows given
  });

  it('removes blackouts from working time', () => {
    expect(shl(cal.nextWorkingInstant(sh('2026-06-05T18:00')))).toBe('2026-06-10T08:00');
    expect(cal.isWorking(sh('2026-06-11T09:00'))).toBe(false);
    expect(shl(cal.addWorkingMinutes(sh('2026-06-11T08:00'), 61))).toBe('2026-06-11T10:31');
  });

  it('tells which blackout or off-hours a range touches', () => {
    const pieces = cal.nonWorkingIn(sh('2026-06-11T07:00'), sh('2026-06-11T18:30'));
    expect(
      pieces.map((p) => [p.reason, p.reason === 'blackout' ? p.labels.join() : '', shl(p.start), shl(p.end)]),
    ).toEqual([
      ['off-hours', '', '2026-06-11T07:00', '2026-06-11T08:00'],
      ['blackout', 'inspection', '2026-06-11T09:00', '2026-06-11T10:30'],
      ['off-hours', '', '2026-06-11T12:00', '2026-06-11T14:00'],
      ['off-hours', '', '2026-06-11T18:00', '2026-06-11T18:30'],
    ]);
    const exam = cal.nonWorkingIn(sh('2026-06-05T17:00'), sh('2026-06-10T09:00'));
    expect(exam.map((p) => [p.reason, shl(p.start), shl(p.end)])).toEqual([
      ['off-hours', '2026-06-05T18:00', '2026-06-07T00:00'],
      ['blackout', '2026-06-07T00:00', '2026-06-10T00:00'],
      ['off-hours', '2026-06-10T00:00', '2026-06-10T08:00'],
    ]);
    expect(cal.blackoutsIn(sh('2026-06-09T10:00'), sh('2026-06-12T00:00')).map((b) => b.label)).toEqual([
      '高考',
      'inspection',
    ]);
  });

  it('survives a JSON round trip of its spec', () => {
    const copy = WorkingCalendar.compile(
      JSON.parse(JSON.stringify({ ...spec, weekly: everyDay([{ start: '08:00', end: '12:00' }]) })),
    );
    expect(copy.workingMinutesBetween(sh('2026-03-07T00:00'), sh('2026-03-08T00:00'))).toBe(240);
  });
});

describe('daylight saving time: windows stay in local wall-clock time', () => {
  it('Europe/Berlin, spring forward (Sun 2026-03-29) and fall back (Sun 2026-10-25)', () => {
    const cal = WorkingCalendar.compile({ timeZone: 'Europe/Berlin' });
    const spring = cal.addWorkingMinutes(at('Europe/Berlin', '2026-03-27T08:00'), 720);
    expect(local('Europe/Berlin', spring)).toBe('2026-03-30T12:00');
    expect(spring).toBe(Date.UTC(2026, 2, 30, 10, 0)); // CEST, UTC+2
    expect(cal.nextWorkingInstant(Date.UTC(2026, 2, 27, 17, 0))).toBe(Date.UTC(2026, 2, 30, 6, 0));
    const fall = cal.addWorkingMinutes(at('Europe/Berlin', '2026-10-23T14:00'), 480);
    expect(local('Europe/Berlin', fall)).toBe('2026-10-26T12:00');
    expect(fall).toBe(Date.UTC(2026, 9, 26, 11, 0)); // CET, UTC+1
  });

  it('Europe/Berlin round the clock: the DST days have 23 and 25 working hours', () => {
    const cal = WorkingCalendar.compile({
      timeZone: 'Europe/Berlin',
      weekly: everyDay([{ start: '00:00', end: '24:00' }]),
    });
    expect(
      cal.workingMinutesBetween(at('Europe/Berlin', '2026-03-29T00:00'), at('Europe/Berlin', '2026-03-30T00:00')),
    ).toBe(1380);
    expect(
      cal.workingMinutesBetween(at('Europe/Berlin', '2026-10-25T00:00'), at('Europe/Berlin', '2026-10-26T00:00')),
    ).toBe(1500);
  });

  it('America/New_York, spring forward (Sun 2026-03-08) and fall back (Sun 2026-11-01)', () => {
    const cal = WorkingCalendar.compile({ timeZone: 'America/New_York' });
    const spring = cal.addWorkingMinutes(at('America/New_York', '2026-03-06T14:00'), 480);
    expect(local('America/New_York', spring)).toBe('2026-03-09T12:00');
    expect(spring).toBe(Date.UTC(2026, 2, 9, 16, 0)); // EDT, UTC-4
    const fall = cal.addWorkingMinutes(at('America/New_York', '2026-10-30T14:00'), 480);
    expect(fall).toBe(Date.UTC(2026, 10, 2, 17, 0)); // EST, UTC-5
  });

  it('America/New_York: windows across the missing and the repeated hour', () => {
    const cal = WorkingCalendar.compile({
      timeZone: 'America/New_York',
      weekly: {
        7: [
          { start: '01:00', end: '03:00' },
          { start: '05:00', end: '05:30' },
        ],
      },
    });
    // 01:00 EST → 03:00 EDT is one real hour.
    expect(cal.workingIntervals(Date.UTC(2026, 2, 8, 0), Date.UTC(2026, 2, 9, 0))[0]).toEqual({
      start: Date.UTC(2026, 2, 8, 6, 0),
      end: Date.UTC(2026, 2, 8, 7, 0),
    });
    // 01:00 is ambiguous on fall-back day: the earlier (EDT) instant; 03:00 EST is three real hours later.
    expect(cal.workingIntervals(Date.UTC(2026, 10, 1, 0), Date.UTC(2026, 10, 2, 0))[0]).toEqual({
      start: Date.UTC(2026, 10, 1, 5, 0),
      end: Date.UTC(2026, 10, 1, 8, 0),
    });
    const gap = WorkingCalendar.compile({
      timeZone: 'America/New_York',
      weekly: { 7: [{ start: '02:30', end: '04:00' }] },
    });
    // 02:30 does not exist on 2026-03-08: it is read as 03:30 EDT.
    expect(gap.workingIntervals(Date.UTC(2026, 2, 8, 0), Date.UTC(2026, 2, 9, 0))).toEqual([
      { start: Date.UTC(2026, 2, 8, 7, 30), end: Date.UTC(2026, 2, 8, 8, 0) },
    ]);
  });
});

describe('calendar spec validation', () => {
  it.each<[string, CalendarSpec]>([
    ['unknown zone', { timeZone: 'Mars/Olympus' }],
    ['bad time', { weekly: { 1: [{ start: '25:00', end: '26:00' }] } }],
    ['empty window', { weekly: { 1: [{ start: '10:00', end: '10:00' }] } }],
    ['bad date', { holidays: ['2026-02-30'] }],
    ['no working time', { weekly: {} }],
    ['bad blackout', { blackouts: [{ label: 'x', start: 10, end: 5 }] }],
  ])('rejects %s', (_, spec) => {
    expect(() => WorkingCalendar.compile(spec)).toThrow(CalendarSpecError);
  });

  it('accepts 24:00 as a window end and a round-the-clock UTC calendar', () => {
    const cal = WorkingCalendar.compile(ALWAYS_UTC);
    expect(cal.workingMinutesBetween(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 8))).toBe(7 * 1440);
    expect(cal.workingIntervals(Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31))).toHaveLength(1);
  });
});
