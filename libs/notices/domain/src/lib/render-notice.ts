import { NoticeReason } from '@worksite/shared-domain';
import { NoticeChange, NoticeContent } from './notice-content';
import { noticeStrings } from './notice-strings';
import {
  ACK_LINK_PLACEHOLDER,
  changeText,
  contactsText,
  interruptionText,
  locationText,
  materialsText,
  neighbourText,
  notReadyText,
  predecessorText,
  taskHeadline,
} from './render-parts';

/** Why this revision is sent: shapes the subject and the opening lines (the stored notice's reason). */
export type NoticeKind = `${NoticeReason}`;

export interface RenderInput {
  content: NoticeContent;
  revision: number;
  kind: NoticeKind;
  changes: NoticeChange[];
}

export function renderSubject({ content, revision, kind }: RenderInput): string {
  const s = noticeStrings(content.language);
  const date = s.shortDate(content.date);
  if (kind === 'amendment') return s.amendedSubject(date, content.crew.name, revision);
  if (kind === 'resend') return s.resentSubject(date, content.crew.name, revision);
  return s.subject(date, content.crew.name, content.tasks.length);
}

/**
 * The plain-text notice (email text part, stored as sent). The acknowledgement link is
 * ACK_LINK_PLACEHOLDER unless one is given.
 */
export function renderText(input: RenderInput, ackLink = ACK_LINK_PLACEHOLDER): string {
  const { content, revision, kind, changes } = input;
  const s = noticeStrings(content.language);
  const date = s.dateLabel(content.date);
  const lines: string[] = [s.greeting(content.crew.name, content.crew.leaderName), ''];
  if (kind === 'amendment') {
    lines.push(s.amendedIntro(revision));
    if (changes.length) {
      lines.push(`${s.changesTitle}${s.colon}`);
      for (const change of changes) lines.push(`  · ${changeText(change, s)}`);
    }
    lines.push('');
  }
  lines.push(content.tasks.length ? s.intro(date, content.tasks.length) : s.noWork(date), '');
  content.tasks.forEach((task, index) => {
    lines.push(`${index + 1}. ${taskHeadline(task, s)}`);
    const notReady = notReadyText(task, s, content.language);
    if (notReady) lines.push(`   ⚠ ${s.notReady}${s.colon}${notReady}`);
    const place = locationText(task.location, s);
    if (place) lines.push(`   ${s.location}${s.colon}${place}`);
    if (task.content) lines.push(`   ${s.content}${s.colon}${task.content}`);
    if (task.materials.length) lines.push(`   ${s.materials}${s.colon}${materialsText(task, s)}`);
    if (task.tools.length) lines.push(`   ${s.tools}${s.colon}${task.tools.join(s.listSeparator)}`);
    if (task.safetyNotes) lines.push(`   ${s.safety}${s.colon}${task.safetyNotes}`);
    if (task.interruption) lines.push(`   ${s.interruption}${s.colon}${interruptionText(task, s, content.date)}`);
    lines.push(`   ${s.predecessors}${s.colon}${predecessorText(task, s)}`);
    lines.push(`   ${s.neighbours}${s.colon}${neighbourText(task, s)}`);
    lines.push('');
  });
  const contacts = contactsText(content, s);
  if (contacts) lines.push(contacts, '');
  lines.push(`${s.ackPrompt}${ackLink}`);
  return lines.join('\n');
}
