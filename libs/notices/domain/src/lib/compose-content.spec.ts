import { dayInput, dayTask } from '../testing/fixtures';
import { composeNoticeContent, spanOnDate } from './compose-content';

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
    expect(task.interruption).toEqual({ kind: 'power', start: '08:00', end: '12:00' });
  });
});
