import { dayInput, dayTask } from '../testing/fixtures';
import { composeNoticeContent } from './compose-content';
import { renderHtml } from './render-html';
import { renderSubject, renderText } from './render-notice';
import { ACK_LINK_PLACEHOLDER } from './render-parts';

describe('renderText / renderSubject', () => {
  const content = composeNoticeContent(dayInput());

  it('writes the date, every task in order with place, work, materials, tools, safety, predecessors, other crews, contact and the link', () => {
    const text = renderText({ content, revision: 1, kind: 'initial', changes: [] }, 'https://w.example/api/ack/T');
    expect(text).toContain('电缆一班 王建国 班长：');
    expect(text).toContain('2026年11月30日（星期一）施工安排如下，共 3 项：');
    const order = ['1. 08:00–12:00 敷设低压电缆', '2. 08:00–18:00 巡视开挖沟槽', '3. 14:00–18:00 电缆终端头制作'];
    const positions = order.map((line) => text.indexOf(line));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('地点：八经小区 32号楼 1单元（地址：八经街32号）');
    expect(text).toContain('物料：YJV22 电缆 120 米、终端头');
    expect(text).toContain('工具：电缆盘支架、绝缘摇表');
    expect(text).toContain('安全注意：停电、验电、挂接地线后方可作业');
    expect(text).toContain('燃气管线标识（沈阳燃气 燃气巡线班） ✓ 已完成');
    expect(text).toContain('开挖电缆沟（和平区城建局 城建一班） ✗ 未完成 · 进行中');
    expect(text).toContain('同场施工：中国移动 移动光缆班 14:00–16:00 光缆入地');
    expect(text).toContain('停用影响：停电 08:00–12:00');
    expect(text).toContain('（接续前日）（次日继续）');
    expect(text).toContain('协调员：甄鸿波 13800249999（和平新村社区飞线入地改造）');
    expect(text.endsWith('收到后请点击链接确认：https://w.example/api/ack/T')).toBe(true);
    expect(renderSubject({ content, revision: 1, kind: 'initial', changes: [] })).toBe(
      '【明日施工安排】11月30日 · 电缆一班 · 3 项',
    );
  });

  it('keeps a placeholder for the link in the stored text', () => {
    expect(renderText({ content, revision: 1, kind: 'initial', changes: [] })).toContain(ACK_LINK_PLACEHOLDER);
  });

  it('writes English for an English crew', () => {
    const english = composeNoticeContent(dayInput({ language: 'en', tasks: [dayTask()] }));
    const text = renderText({ content: english, revision: 1, kind: 'initial', changes: [] }, 'L');
    expect(text).toContain('Dear 王建国 (电缆一班),');
    expect(text).toContain('Your work on Monday 30 Nov 2026: 1 task.');
    expect(text).toContain('Materials: YJV22 电缆 120 米, 终端头');
    expect(text).toContain('Please confirm you received it:L');
    expect(renderSubject({ content: english, revision: 3, kind: 'amendment', changes: [] })).toBe(
      '[Changed, revision 3] Work plan for 30 Nov · 电缆一班',
    );
  });

  it('opens an amendment with what changed', () => {
    const text = renderText(
      {
        content,
        revision: 2,
        kind: 'amendment',
        changes: [
          { kind: 'cancelled', taskId: 'x', title: '拆除旧线', before: '08:00–10:00' },
          { kind: 'time', taskId: 'task-a', title: '敷设低压电缆', before: '08:00–12:00', after: '14:00–18:00' },
        ],
      },
      'L',
    );
    expect(text).toContain('施工安排有变更（第 2 版），以本通知为准。');
    expect(text).toContain('· 取消：拆除旧线 08:00–10:00');
    expect(text).toContain('· 时间调整：敷设低压电缆 08:00–12:00 → 14:00–18:00');
  });

  it('says so when no work is left', () => {
    const empty = composeNoticeContent(dayInput({ tasks: [] }));
    expect(renderText({ content: empty, revision: 2, kind: 'amendment', changes: [] }, 'L')).toContain(
      '2026年11月30日（星期一）没有安排施工任务。',
    );
  });
});

describe('renderHtml', () => {
  it('escapes what the data says and links the confirmation page', () => {
    const content = composeNoticeContent(
      dayInput({ tasks: [dayTask({ title: '<script>alert(1)</script>', safetyNotes: 'a & "b"' })] }),
    );
    const html = renderHtml(
      { content, revision: 1, kind: 'initial', changes: [] },
      'https://w.example/api/ack/T?a=1&b=2',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; &quot;b&quot;');
    expect(html).toContain('href="https://w.example/api/ack/T?a=1&amp;b=2"');
    expect(html).toContain('确认已收到');
  });
});
