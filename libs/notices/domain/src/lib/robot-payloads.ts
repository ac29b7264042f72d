import { NoticeContent } from './notice-content';
import { NoticeStrings, noticeStrings } from './notice-strings';
import {
  changeText,
  interruptionText,
  locationText,
  materialsText,
  predecessorText,
  neighbourText,
  notReadyText,
  taskHeadline,
} from './render-parts';
import { RenderInput, renderSubject } from './render-notice';

export type RobotKind = 'wecom' | 'dingtalk' | 'feishu';

/**
 * Text budgets in bytes: WeCom markdown takes 4,096 bytes; DingTalk and Feishu bodies must stay
 * under 20 KB, and Feishu's rich-text rows add JSON around every line.
 */
export const ROBOT_BODY_LIMITS: Record<RobotKind, number> = { wecom: 4000, dingtalk: 18000, feishu: 12000 };

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** Markdown blocks for the tasks, as many as fit in `limit` bytes, then a "n more" line. */
function fitBlocks(head: string[], blocks: string[], tail: string[], limit: number, s: NoticeStrings): string {
  const fixed = bytes([...head, ...tail].join('\n')) + 200;
  const kept: string[] = [];
  let used = fixed;
  for (const [index, block] of blocks.entries()) {
    const size = bytes(block) + 1;
    if (used + size > limit) {
      kept.push(s.more(blocks.length - index));
      break;
    }
    kept.push(block);
    used += size;
  }
  return [...head, ...kept, ...tail].join('\n');
}

function markdownBody(input: RenderInput, ackLink: string, limit: number, mention: string): string {
  const { content } = input;
  const s = noticeStrings(content.language);
  const head = [`### ${renderSubject(input)}`];
  if (input.kind === 'amendment' && input.changes.length) {
    head.push(`**${s.changesTitle}**`, ...input.changes.map((change) => `- ${changeText(change, s)}`), '');
  }
  if (!content.tasks.length) head.push(s.noWork(s.dateLabel(content.date)));
  const blocks = content.tasks.map((task, index) => {
    const notReady = notReadyText(task, s, content.language);
    return [
      `**${index + 1}. ${taskHeadline(task, s)}**`,
      notReady ? `> ⚠ **${s.notReady}${s.colon}${notReady}**` : '',
      `> ${s.location}${s.colon}${locationText(task.location, s)}`,
      task.content ? `> ${s.content}${s.colon}${task.content}` : '',
      task.materials.length ? `> ${s.materials}${s.colon}${materialsText(task, s)}` : '',
      task.tools.length ? `> ${s.tools}${s.colon}${task.tools.join(s.listSeparator)}` : '',
      task.safetyNotes ? `> ${s.safety}${s.colon}${task.safetyNotes}` : '',
      task.interruption ? `> ${s.interruption}${s.colon}${interruptionText(task, s, content.date)}` : '',
      `> ${s.predecessors}${s.colon}${predecessorText(task, s)}`,
      `> ${s.neighbours}${s.colon}${neighbourText(task, s)}`,
      '',
    ]
      .filter((line, i, all) => line !== '' || i === all.length - 1)
      .join('\n');
  });
  const tail = [
    ...content.contacts.map((c) => `${s.coordinator}${s.colon}${c.name} ${c.phone ?? ''}`.trim()),
    `[${s.ackButton}](${ackLink})${mention}`,
  ];
  return fitBlocks(head, blocks, tail, limit, s);
}

function feishuPost(title: string, lines: string[], ackLink: string, s: NoticeStrings, language: string) {
  const rows: object[][] = lines.map((text) => [{ tag: 'text', text }]);
  rows.push([{ tag: 'a', text: s.ackButton, href: ackLink }]);
  return {
    msg_type: 'post',
    content: { post: { [language === 'en' ? 'en_us' : 'zh_cn']: { title, content: rows } } },
  };
}

/**
 * The webhook body of a notice for a group-chat robot: WeCom and DingTalk markdown, Feishu
 * rich text ("post"). Signing (DingTalk, Feishu) is added by the sender, which holds the secret.
 */
export function robotNoticeBody(kind: RobotKind, input: RenderInput, ackLink: string): Record<string, unknown> {
  const s = noticeStrings(input.content.language);
  const phone = input.content.crew.leaderPhone;
  switch (kind) {
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: markdownBody(input, ackLink, ROBOT_BODY_LIMITS.wecom, '') } };
    case 'dingtalk':
      return {
        msgtype: 'markdown',
        markdown: {
          title: renderSubject(input),
          text: markdownBody(input, ackLink, ROBOT_BODY_LIMITS.dingtalk, phone ? `\n\n@${phone}` : ''),
        },
        at: { atMobiles: phone ? [phone] : [], isAtAll: false },
      };
    case 'feishu': {
      const text = markdownBody(input, ackLink, ROBOT_BODY_LIMITS.feishu, '')
        .split('\n')
        .filter((line) => !line.startsWith('###') && !line.startsWith('['))
        .map((line) => line.replace(/^> /, '    ').replace(/\*\*/g, ''));
      return feishuPost(renderSubject(input), text, ackLink, s, input.content.language);
    }
  }
}

/** A reminder in the group chat, mentioning the crew leader where the robot can. */
export function robotReminderBody(kind: RobotKind, content: NoticeContent, ackLink: string): Record<string, unknown> {
  const s = noticeStrings(content.language);
  const date = s.shortDate(content.date);
  const text = s.reminderText(date, content.crew.name);
  const phone = content.crew.leaderPhone;
  switch (kind) {
    case 'wecom':
      return {
        msgtype: 'text',
        text: { content: `${text}\n${ackLink}`, mentioned_mobile_list: phone ? [phone] : [] },
      };
    case 'dingtalk':
      return {
        msgtype: 'text',
        text: { content: `${text}\n${ackLink}${phone ? ` @${phone}` : ''}` },
        at: { atMobiles: phone ? [phone] : [], isAtAll: false },
      };
    case 'feishu':
      return feishuPost(s.reminderSubject(date, content.crew.name), [text], ackLink, s, content.language);
  }
}
