import { mspdiSchemaErrors } from '../../testing/validate-mspdi';
import { readMspdi } from './mspdi-read';
import { ExportProject, writeMspdi } from './mspdi-write';

const WINDOWS = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const at = (iso: string) => Date.parse(iso);

/** A project with everything the export writes: calendar exceptions, blackouts, constraints, manual tasks, lags. */
const PROJECT: ExportProject = {
  name: '和平新村 供热管网改造 <2026> & "东区"',
  timeZone: 'Asia/Shanghai',
  start: at('2026-12-01T00:00:00Z'),
  minutesPerDay: 480,
  calendar: {
    name: '标准日历',
    weekly: { 1: WINDOWS, 2: WINDOWS, 3: WINDOWS, 4: WINDOWS, 5: WINDOWS, 6: [], 7: [] },
    holidays: ['2027-01-01'],
    makeUpWorkdays: ['2026-12-26'],
    blackouts: [{ start: '2026-12-03T13:00:00', end: '2026-12-03T17:00:00' }],
  },
  tasks: [
    {
      uid: 1,
      title: '开挖',
      manual: false,
      start: at('2026-12-01T00:00:00Z'),
      finish: at('2026-12-02T09:00:00Z'),
      durationMinutes: 960,
      constraintType: 'start_no_earlier_than',
      constraintAt: at('2026-12-01T00:00:00Z'),
      percentComplete: 50,
      links: [],
    },
    {
      uid: 2,
      title: '敷设管道',
      manual: true,
      start: at('2026-12-03T00:00:00Z'),
      finish: at('2026-12-03T04:00:00Z'),
      durationMinutes: 240,
      constraintType: 'must_start_on',
      constraintAt: at('2026-12-03T00:00:00Z'),
      percentComplete: 0,
      links: [{ predecessorUid: 1, type: 'FS', lagMinutes: 480 }],
    },
    {
      uid: 3,
      title: '验收',
      manual: false,
      start: at('2026-12-04T00:00:00Z'),
      finish: at('2026-12-04T00:00:00Z'),
      durationMinutes: 0,
      constraintType: 'finish_no_later_than',
      constraintAt: at('2026-12-10T09:00:00Z'),
      percentComplete: 0,
      links: [
        { predecessorUid: 2, type: 'SS', lagMinutes: -60 },
        { predecessorUid: 1, type: 'FF', lagMinutes: 0 },
      ],
    },
  ],
};

describe('MSPDI export', () => {
  it("validates against Microsoft's MSPDI schema (xmllint --schema mspdi_pj12.xsd)", () => {
    expect(mspdiSchemaErrors(writeMspdi(PROJECT))).toBe('');
  });

  it('the schema check is real: it refuses an element out of its place and a missing CurrencyCode', () => {
    const xml = writeMspdi(PROJECT);
    expect(mspdiSchemaErrors(xml.replace(/<CurrencyCode>CNY<\/CurrencyCode>\s*/, ''))).toContain('CurrencyCode');
    expect(mspdiSchemaErrors(xml.replace('<IsNull>0</IsNull>', '<IsNull>0</IsNull><Bogus>1</Bogus>'))).toContain(
      'Bogus',
    );
  });

  it('reads back what it wrote: calendar with holiday, 调休 and the blackout as a half day; constraints; links', () => {
    const back = readMspdi(writeMspdi(PROJECT));
    expect(back.calendar).toMatchObject({
      name: '标准日历',
      holidays: ['2027-01-01'],
      workingDays: [
        { date: '2026-12-03', windows: [{ start: '08:00', end: '12:00' }] },
        { date: '2026-12-26', windows: WINDOWS },
      ],
    });
    expect(back.tasks.map((task) => [task.code, task.constraint ?? null, task.mode ?? 'automatic'])).toEqual([
      ['1', { type: 'start_no_earlier_than', at: '2026-12-01T08:00:00' }, 'automatic'],
      ['2', null, 'manual'],
      ['3', { type: 'finish_no_later_than', at: '2026-12-10T17:00:00' }, 'automatic'],
    ]);
    expect(back.links.map((link) => [link.predecessor, link.successor, link.type, link.lag ?? ''])).toEqual([
      ['1', '2', 'FS', '+480m'],
      ['2', '3', 'SS', '-60m'],
      ['1', '3', 'FF', ''],
    ]);
    expect(back.notes).toEqual([]);
  });
});
