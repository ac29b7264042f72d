import { NoticeContent } from './notice-content';
import { noticeStrings } from './notice-strings';
import { isNotReady, locationName } from './render-parts';

/** Characters of one long SMS we allow before the link (gateways split longer texts). */
const SMS_BUDGET = 120;

/** The SMS: crew, date, number of tasks, the first task's time and place, then the link. */
export function smsNoticeText(content: NoticeContent, ackLink: string, revision = 1): string {
  const s = noticeStrings(content.language);
  const date = s.shortDate(content.date);
  if (!content.tasks.length) return `${s.noWork(date)} ${ackLink}`;
  const first = content.tasks[0];
  const firstText = `${first.start} ${locationName(first.location) || first.title}`;
  let text = s.smsText(content.crew.name, date, content.tasks.length, firstText);
  if (revision > 1) text = `${s.amendedIntro(revision)}${text}`;
  // The not-ready count is never cut: it is what the crew must not miss.
  const notReady = content.tasks.filter(isNotReady).length;
  const note = notReady ? s.smsNotReady(notReady) : '';
  const budget = SMS_BUDGET - note.length;
  if (text.length > budget) text = `${text.slice(0, budget - 1)}…`;
  return `${text}${note}${s.ackPrompt}${ackLink}`;
}

/** The reminder SMS. */
export function smsReminderText(content: NoticeContent, ackLink: string): string {
  const s = noticeStrings(content.language);
  return `${s.reminderText(s.shortDate(content.date), content.crew.name)} ${ackLink}`;
}
