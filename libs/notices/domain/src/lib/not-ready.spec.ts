import { dayInput, dayTask } from '../testing/fixtures';
import { composeNoticeContent, DayTaskInput } from './compose-content';
import { diffNotices } from './notice-diff';
import { renderHtml } from './render-html';
import { renderSubject, renderText } from './render-notice';
import { robotNoticeBody } from './robot-payloads';
import { smsNoticeText } from './sms-text';

const PERMIT = { kind: 'dig_permit', description: '掘路证 2026-17', ownerName: '和平区城建局', dueDate: '2026-11-29' };
const MATERIALS = { kind: 'materials', description: '', ownerName: '王物资', dueDate: null };

/** The fixture's day with its first task not ready (a dig permit and materials open). */
function day(policy: 'mark' | 'hold', language: 'zh-CN' | 'en' = 'zh-CN', open = [PERMIT, MATERIALS]) {
  const input = dayInput({ language });
  const tasks: DayTaskInput[] = input.tasks.map((task, i) => ({
    ...task,
    notReadyPolicy: policy,
    openConstraints: i === 0 ? open : [],
  }));
  return composeNoticeContent({ ...input, tasks });
}

const render = (content: ReturnType<typeof day>) => ({ content, revision: 1, kind: 'initial' as const, changes: [] });

describe('a task that is not ready, in the crew notice', () => {
  it("marks it under 'mark' with each open constraint's kind, owner and due date, in the text and the HTML", () => {
    const content = day('mark');
    expect(content.tasks.map((t) => (t.notReady ?? []).length)).toEqual([2, 0, 0]);
    const text = renderText(render(content), 'L');
    expect(text).toContain('1. 【未就绪】08:00–12:00 敷设低压电缆');
    expect(text).toContain('   ⚠ 未就绪：掘路许可 掘路证 2026-17（和平区城建局 · 11月29日前）；材料到场（王物资）');
    expect(text).toContain('2. 08:00–18:00 巡视开挖沟槽');
    expect(text.match(/未就绪/g)).toHaveLength(2);
    const html = renderHtml(render(content), 'L');
    expect(html).toContain(
      '⚠ 未就绪</th><td style="padding:2px 0"><strong>掘路许可 掘路证 2026-17（和平区城建局 · 11月29日前）',
    );
    expect(renderSubject(render(content))).toBe('【明日施工安排】11月30日 · 电缆一班 · 3 项');
  });

  it('says it in English for an English crew', () => {
    const text = renderText(render(day('mark', 'en')), 'L');
    expect(text).toContain('1. [NOT READY] 08:00–12:00 敷设低压电缆');
    expect(text).toContain(
      '⚠ NOT READY: dig permit 掘路证 2026-17 (和平区城建局 · due 29 Nov); materials on site (王物资)',
    );
  });

  it('keeps the SMS short and never cuts the not-ready count', () => {
    const sms = smsNoticeText(day('mark'), 'https://w.example/api/ack/T');
    expect(sms).toContain('其中1项未就绪。');
    expect(sms.length).toBeLessThanOrEqual(120 + '收到后请点击链接确认：https://w.example/api/ack/T'.length);
    expect(smsNoticeText(day('mark', 'en'), 'L')).toContain(' 1 NOT READY.');
    expect(smsNoticeText(day('mark', 'zh-CN', []), 'L')).not.toContain('未就绪');
  });

  it('says it in every robot payload', () => {
    const content = day('mark');
    const wecom = robotNoticeBody('wecom', render(content), 'L') as { markdown: { content: string } };
    expect(wecom.markdown.content).toContain('> ⚠ **未就绪：掘路许可 掘路证 2026-17（和平区城建局 · 11月29日前）');
    const ding = robotNoticeBody('dingtalk', render(content), 'L') as { markdown: { text: string } };
    expect(ding.markdown.text).toContain('**1. 【未就绪】08:00–12:00 敷设低压电缆**');
    const feishu = JSON.stringify(robotNoticeBody('feishu', render(content), 'L'));
    expect(feishu).toContain('⚠ 未就绪：掘路许可');
  });

  it('shows a ready task plainly, and leaves the content as it was before make-ready', () => {
    const ready = day('mark', 'zh-CN', []);
    expect(renderText(render(ready), 'L')).not.toContain('未就绪');
    expect(ready.tasks.every((task) => !('notReady' in task))).toBe(true);
    expect(ready).toEqual(composeNoticeContent(dayInput()));
  });

  it("leaves it out under 'hold'; a hold without open constraints changes nothing", () => {
    const held = day('hold');
    expect(held.tasks.map((t) => t.taskId)).toEqual(['task-c', 'task-b']);
    expect(renderText(render(held), 'L')).not.toContain('敷设低压电缆');
    expect(day('hold', 'zh-CN', []).tasks).toHaveLength(3);
    const single = composeNoticeContent(
      dayInput({ tasks: [dayTask({ notReadyPolicy: 'hold', openConstraints: [PERMIT] })] }),
    );
    expect(single.tasks).toEqual([]);
  });

  it('an amendment names the readiness that changed, and a task held back or put back', () => {
    const marked = day('mark');
    const cleared = day('mark', 'zh-CN', []);
    expect(diffNotices(marked, cleared)).toEqual([
      {
        kind: 'readiness',
        taskId: 'task-a',
        title: '敷设低压电缆',
        before: '未就绪：掘路许可 掘路证 2026-17（和平区城建局 · 11月29日前）；…',
        after: '已就绪',
      },
    ]);
    expect(diffNotices(cleared, marked).map((c) => c.kind)).toEqual(['readiness']);
    const held = day('hold');
    expect(diffNotices(cleared, held, { 'task-a': 'held' })).toEqual([
      { kind: 'held', taskId: 'task-a', title: '敷设低压电缆', before: '08:00–12:00' },
    ]);
    expect(diffNotices(held, cleared).map((c) => c.kind)).toEqual(['added']);
    const text = renderText(
      { content: held, revision: 2, kind: 'amendment', changes: diffNotices(cleared, held, { 'task-a': 'held' }) },
      'L',
    );
    expect(text).toContain('暂缓（未就绪）：敷设低压电缆 08:00–12:00');
  });
});
