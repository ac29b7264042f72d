import { NoticeContent } from './notice-content';
import { noticeStrings } from './notice-strings';
import { locationName } from './render-parts';

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
  if (text.length > SMS_BUDGET) text = `${text.slice(0, SMS_BUDGET - 1)}…`;
  return `${text}${s.ackPrompt}${ackLink}`;
}

/** The reminder SMS. */
export function smsReminderText(content: NoticeContent, ackLink: string): string {
  const s = noticeStrings(content.language);
  return `${s.reminderText(s.shortDate(content.date), content.crew.name)} ${ackLink}`;
}
