import { checkIcs, icsText, readBackIcs } from '@worksite/notices-testing';
import { FeedEvent, feedCalendar } from './feed-calendar';

const event = (overrides: Partial<FeedEvent>): FeedEvent => ({
  taskId: 'a',
  version: 3,
  updatedAt: new Date('2026-11-28T04:05:06.789Z'),
  title: '敷设低压电缆',
  content: '按图施工; 注意, 安全',
  status: 'planned',
  progress: 40,
  startsAt: new Date('2026-11-30T00:00:00Z'),
  endsAt: new Date('2026-11-30T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
  projectName: '八经小区改造',
  departmentName: '供电所',
  crewName: '电缆一班',
  location: { compound: '八经小区', building: '32号楼', unit: '1单元', street: null, address: '八经街32号' },
  materials: [{ name: 'YJV22 电缆', quantity: 120, unit: '米' }],
  tools: ['绝缘手套'],
  safetyNotes: '断电验电后作业',
  ...overrides,
});

describe('feedCalendar (written by the notices’ iCalendar writer)', () => {
  const text = feedCalendar(
    {
      name: '电缆一班 · 施工日历',
      language: 'zh-CN',
      from: Date.parse('2026-03-01T00:00:00Z'),
      to: Date.parse('2026-12-31T00:00:00Z'),
      events: [
        event({}),
        // On the day New York moves its clocks: 05:00 local is 09:00 UTC (EDT), not 10:00.
        event({
          taskId: 'b',
          title: 'Trench, backfill',
          status: 'cancelled',
          startsAt: new Date('2026-03-08T09:00:00Z'),
          endsAt: new Date('2026-03-08T12:00:00Z'),
          timeZone: 'America/New_York',
          location: null,
        }),
      ],
    },
    { uidDomain: 'worksite.test' },
  );

  it('is valid for our own checks: folded CRLF lines, UTC stamps, a VTIMEZONE for each zone', () => {
    const report = checkIcs(text);
    expect(report.problems).toEqual([]);
    expect(report.timezones).toEqual(['America/New_York', 'Asia/Shanghai']);
    expect(report.events.map((e) => e.props['DTSTAMP'].value)).toEqual(['20261128T040506Z', '20261128T040506Z']);
    expect(icsText(report.events[0].props['DESCRIPTION'].value)).toContain('内容：按图施工; 注意, 安全');
  });

  it('reads back in a calendar library (ical.js): instants across a change of offset, texts, status', () => {
    const { events } = readBackIcs(text);
    expect(events).toEqual([
      {
        uid: 'task-a@worksite.test',
        summary: '敷设低压电缆',
        start: '2026-11-30T00:00:00.000Z',
        end: '2026-11-30T02:00:00.000Z',
        sequence: 3,
        status: 'CONFIRMED',
        transp: 'OPAQUE',
        location: '八经小区 32号楼 1单元（地址：八经街32号）',
      },
      {
        uid: 'task-b@worksite.test',
        summary: '【已取消】Trench, backfill',
        start: '2026-03-08T09:00:00.000Z',
        end: '2026-03-08T12:00:00.000Z',
        sequence: 3,
        status: 'CANCELLED',
        transp: 'TRANSPARENT',
        location: null,
      },
    ]);
  });
});
