import { checkIcs, icsText, readBackIcs } from '@worksite/notices-testing';
import { dayInput } from '../testing/fixtures';
import { composeNoticeContent } from './compose-content';
import { noticeCalendar } from './notice-calendar';

describe('noticeCalendar', () => {
  const content = composeNoticeContent(dayInput());
  const now = Date.parse('2026-11-29T12:00:00Z');

  it('is a valid iCalendar file with one event per task at local times in the project zone', () => {
    const ics = noticeCalendar(content, 1, [], { uidDomain: 'worksite.test', now });
    const report = checkIcs(ics);
    expect(report.problems).toEqual([]);
    expect(report.timezones).toEqual(['Asia/Shanghai']);
    expect(ics).toContain('TZOFFSETTO:+0800');
    expect(
      report.events.map((e) => [icsText(e.props['SUMMARY'].value), e.props['DTSTART'].value, e.props['DTEND'].value]),
    ).toEqual([
      ['敷设低压电缆', '20261130T080000', '20261130T120000'],
      ['巡视开挖沟槽', '20261130T080000', '20261130T180000'],
      ['电缆终端头制作', '20261130T140000', '20261130T180000'],
    ]);
    const event = report.events[0];
    expect(event.props['DTSTART'].params['TZID']).toBe('Asia/Shanghai');
    expect(event.props['UID'].value).toBe('task-a-2026-11-30@worksite.test');
    expect(event.props['SEQUENCE'].value).toBe('1');
    expect(event.props['DTSTAMP'].value).toBe('20261129T120000Z');
    expect(icsText(event.props['LOCATION'].value)).toBe('八经小区 32号楼 1单元（地址：八经街32号）');
    expect(icsText(event.props['DESCRIPTION'].value)).toContain('物料：YJV22 电缆 120 米、终端头');
  });

  it('carries the revision as SEQUENCE and cancels tasks that left the plan', () => {
    const ics = noticeCalendar(
      content,
      3,
      [{ kind: 'cancelled', taskId: 'gone', title: '拆除旧线', before: '09:00–10:30' }],
      {
        uidDomain: 'worksite.test',
        now,
      },
    );
    const report = checkIcs(ics);
    expect(report.problems).toEqual([]);
    const cancelled = report.events.find((e) => e.props['UID'].value === 'gone-2026-11-30@worksite.test');
    expect(cancelled?.props['STATUS'].value).toBe('CANCELLED');
    expect([cancelled?.props['DTSTART'].value, cancelled?.props['DTEND'].value]).toEqual([
      '20261130T090000',
      '20261130T103000',
    ]);
    expect(report.events.every((e) => e.props['SEQUENCE'].value === '3')).toBe(true);
  });

  it('reads back in a calendar library (ical.js): the instants, texts, revision and cancellation of each event', () => {
    // The file is written by our own code (a tenth of a night run went into ical-generator's
    // line folding); a well-kept parser reading it as a calendar app would is the check.
    const ics = noticeCalendar(
      content,
      2,
      [{ kind: 'cancelled', taskId: 'gone', title: '拆除旧线', before: '09:00–10:30' }],
      { uidDomain: 'worksite.test', now },
    );
    const { calendar, events } = readBackIcs(ics);
    expect(events).toEqual([
      {
        uid: 'task-a-2026-11-30@worksite.test',
        summary: '敷设低压电缆',
        start: '2026-11-30T00:00:00.000Z',
        end: '2026-11-30T04:00:00.000Z',
        sequence: 2,
        status: null,
        transp: null,
        location: '八经小区 32号楼 1单元（地址：八经街32号）',
      },
      expect.objectContaining({
        summary: '巡视开挖沟槽',
        start: '2026-11-30T00:00:00.000Z',
        end: '2026-11-30T10:00:00.000Z',
      }),
      expect.objectContaining({
        summary: '电缆终端头制作',
        start: '2026-11-30T06:00:00.000Z',
        end: '2026-11-30T10:00:00.000Z',
      }),
      expect.objectContaining({
        uid: 'gone-2026-11-30@worksite.test',
        start: '2026-11-30T01:00:00.000Z',
        end: '2026-11-30T02:30:00.000Z',
        status: 'CANCELLED',
      }),
    ]);
    expect(String(events[0].summary)).toBe('敷设低压电缆');
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('description')).toContain(
      '物料：YJV22 电缆 120 米、终端头',
    );
  });
});
