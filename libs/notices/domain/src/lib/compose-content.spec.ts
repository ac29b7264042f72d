import { dayInput, dayTask } from '../testing/fixtures';
import { composeNoticeContent, interruptionOn, spanOnDate } from './compose-content';
import { renderText } from './render-notice';

describe('composeNoticeContent', () => {
  it('puts the tasks in time order with their local windows on the date', () => {
    const content = composeNoticeContent(dayInput());
    expect(content.tasks.map((t) => [t.title, t.start, t.end])).toEqual([
      ['敷设低压电缆', '08:00', '12:00'],
      ['巡视开挖沟槽', '08:00', '18:00'],
      ['电缆终端头制作', '14:00', '18:00'],
    ]);
  });

  it('marks a task that spans days and shows the working day on a middle day', () => {
    const spanning = composeNoticeContent(dayInput()).tasks[1];
    expect(spanning).toMatchObject({ continuesFromEarlier: true, continuesLater: true });
    expect(spanning.startsAt).toBe('2026-11-30T00:00:00.000Z');
    expect(spanning.endsAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('shows the whole day when the calendar has no window that day', () => {
    const span = spanOnDate(
      Date.parse('2026-11-28T02:00:00Z'),
      Date.parse('2026-12-02T02:00:00Z'),
      '2026-11-29',
      'Asia/Shanghai',
      null,
    );
    expect(new Date(span.start).toISOString()).toBe('2026-11-28T16:00:00.000Z');
    expect(new Date(span.end).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    const content = composeNoticeContent(
      dayInput({
        date: '2026-11-29',
        tasks: [
          dayTask({ plannedStart: '2026-11-28T02:00:00Z', plannedFinish: '2026-12-02T02:00:00Z', workingDay: null }),
        ],
      }),
    );
    expect([content.tasks[0].start, content.tasks[0].end]).toEqual(['00:00', '24:00']);
  });

  it('says which predecessors are done and lists the other crews on site in time order', () => {
    const task = composeNoticeContent(dayInput()).tasks[0];
    expect(task.predecessors.map((p) => [p.title, p.done])).toEqual([
      ['开挖电缆沟', false],
      ['燃气管线标识', true],
    ]);
    expect(task.neighbours).toEqual([
      { crewName: '移动光缆班', departmentName: '中国移动', taskTitle: '光缆入地', start: '14:00', end: '16:00' },
    ]);
    expect(task.interruption).toEqual({
      kind: 'power',
      start: '08:00',
      end: '12:00',
      startDate: '2026-11-30',
      endDate: '2026-11-30',
    });
  });
});

describe('the interruptions a notice lists', () => {
  // A network cut of a task that runs from the 4th to the 8th, on the 7th only.
  const cut = { kind: 'network', startsAt: '2026-12-07T00:00:00.000Z', endsAt: '2026-12-07T02:00:00.000Z' };
  const longTask = dayTask({
    plannedStart: '2026-12-04T00:00:00.000Z',
    plannedFinish: '2026-12-08T10:00:00.000Z',
    interruption: cut,
  });
  const noticeOf = (date: string, language: 'zh-CN' | 'en' = 'zh-CN', task = longTask) =>
    renderText({
      content: composeNoticeContent(dayInput({ date, language, tasks: [task] })),
      revision: 1,
      kind: 'initial',
      changes: [],
    });

  it('leaves out a cut on another day of a task that lasts several days', () => {
    expect(composeNoticeContent(dayInput({ date: '2026-12-04', tasks: [longTask] })).tasks[0].interruption).toBeNull();
    expect(noticeOf('2026-12-04')).not.toContain('断网');
    expect(noticeOf('2026-12-04', 'en')).not.toContain('network cut');
  });

  it('shows a cut within the day with its times, and the same cut seen from another day with its dates', () => {
    expect(noticeOf('2026-12-07')).toContain('停用影响：断网 08:00–10:00');
    expect(interruptionOn(cut, '2026-12-07', 'Asia/Shanghai')).toMatchObject({
      startDate: '2026-12-07',
      endDate: '2026-12-07',
    });
  });

  it('always dates a cut that spans days, on each day it touches', () => {
    const overnight = dayTask({
      plannedStart: '2026-12-06T10:00:00.000Z',
      plannedFinish: '2026-12-07T04:00:00.000Z',
      interruption: { kind: 'water', startsAt: '2026-12-06T14:00:00.000Z', endsAt: '2026-12-06T22:00:00.000Z' },
    });
    for (const date of ['2026-12-06', '2026-12-07']) {
      expect(noticeOf(date, 'zh-CN', overnight)).toContain('停用影响：停水 12月6日 22:00 – 12月7日 06:00');
      expect(noticeOf(date, 'en', overnight)).toContain('Residents cut off: water cut 6 Dec 22:00 – 7 Dec 06:00');
    }
  });

  it('reads a cut that ends at midnight as ending at 24:00 of its day', () => {
    const evening = { kind: 'power', startsAt: '2026-12-07T12:00:00.000Z', endsAt: '2026-12-07T16:00:00.000Z' };
    expect(interruptionOn(evening, '2026-12-07', 'Asia/Shanghai')).toEqual({
      kind: 'power',
      start: '20:00',
      end: '24:00',
      startDate: '2026-12-07',
      endDate: '2026-12-07',
    });
    expect(interruptionOn(evening, '2026-12-08', 'Asia/Shanghai')).toBeNull();
  });

  it('still renders a notice stored before cuts had dates', () => {
    const stored = composeNoticeContent(dayInput({ tasks: [dayTask()] }));
    stored.tasks[0].interruption = { kind: 'power', start: '08:00', end: '12:00' };
    expect(renderText({ content: stored, revision: 1, kind: 'initial', changes: [] })).toContain('停电 08:00–12:00');
  });
});
