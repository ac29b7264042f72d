import { dayInput, dayTask } from '../testing/fixtures';
import { composeNoticeContent } from './compose-content';
import { ROBOT_BODY_LIMITS, robotNoticeBody, robotReminderBody } from './robot-payloads';
import { smsNoticeText, smsReminderText } from './sms-text';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('robot message bodies', () => {
  const content = composeNoticeContent(dayInput());
  const input = { content, revision: 1, kind: 'initial' as const, changes: [] };

  it('uses the WeCom markdown format', () => {
    const body = robotNoticeBody('wecom', input, 'https://w.example/api/ack/T') as {
      msgtype: string;
      markdown: { content: string };
    };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('### 【明日施工安排】11月30日 · 电缆一班 · 3 项');
    expect(body.markdown.content).toContain('**1. 08:00–12:00 敷设低压电缆**');
    expect(body.markdown.content).toContain('[确认已收到](https://w.example/api/ack/T)');
  });

  it('uses the DingTalk markdown format and mentions the crew leader', () => {
    const body = robotNoticeBody('dingtalk', input, 'L') as {
      msgtype: string;
      markdown: { title: string; text: string };
      at: { atMobiles: string[] };
    };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toContain('电缆一班');
    expect(body.markdown.text).toContain('@13800240101');
    expect(body.at.atMobiles).toEqual(['13800240101']);
  });

  it('uses the Feishu rich-text (post) format with a link element', () => {
    const body = robotNoticeBody('feishu', input, 'L') as {
      msg_type: string;
      content: { post: { zh_cn: { title: string; content: { tag: string; href?: string }[][] } } };
    };
    expect(body.msg_type).toBe('post');
    const rows = body.content.post.zh_cn.content;
    expect(rows.at(-1)).toEqual([{ tag: 'a', text: '确认已收到', href: 'L' }]);
    expect(rows.flat().some((cell) => JSON.stringify(cell).includes('敷设低压电缆'))).toBe(true);
  });

  it('stays within each provider’s size limit when the day is long', () => {
    const many = composeNoticeContent(
      dayInput({ tasks: Array.from({ length: 300 }, (_, i) => dayTask({ id: `t${i}`, title: `任务${i}` })) }),
    );
    const long = { content: many, revision: 1, kind: 'initial' as const, changes: [] };
    const wecom = robotNoticeBody('wecom', long, 'L') as { markdown: { content: string } };
    expect(new TextEncoder().encode(wecom.markdown.content).length).toBeLessThanOrEqual(4096);
    expect(wecom.markdown.content).toMatch(/另有 \d+ 项/);
    expect(wecom.markdown.content).toContain('[确认已收到](L)');
    expect(bytes(robotNoticeBody('dingtalk', long, 'L'))).toBeLessThan(20_000);
    expect(bytes(robotNoticeBody('feishu', long, 'L'))).toBeLessThan(20_000);
    expect(ROBOT_BODY_LIMITS.wecom).toBeLessThanOrEqual(4096);
  });

  it('reminds in the group with a mention', () => {
    expect(robotReminderBody('wecom', content, 'L')).toEqual({
      msgtype: 'text',
      text: {
        content: '电缆一班：您还没有确认11月30日的施工安排，请查看通知并点击链接确认。\nL',
        mentioned_mobile_list: ['13800240101'],
      },
    });
    expect(robotReminderBody('dingtalk', content, 'L')).toMatchObject({ at: { atMobiles: ['13800240101'] } });
    expect(robotReminderBody('feishu', content, 'L')).toMatchObject({ msg_type: 'post' });
  });
});

describe('SMS texts', () => {
  const content = composeNoticeContent(dayInput());

  it('is short and carries the link', () => {
    const text = smsNoticeText(content, 'https://w.example/api/ack/T');
    expect(text).toBe(
      '【工地协同】电缆一班11月30日施工3项，首项08:00 八经小区 32号楼 1单元。收到后请点击链接确认：https://w.example/api/ack/T',
    );
    expect(smsNoticeText(content, 'L', 2)).toContain('第 2 版');
    expect(smsReminderText(content, 'L')).toContain('您还没有确认11月30日的施工安排');
  });
});
