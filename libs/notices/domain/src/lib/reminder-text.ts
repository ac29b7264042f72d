import { NoticeContent } from './notice-content';
import { noticeStrings } from './notice-strings';

/** The reminder email for a crew that has not acknowledged: subject and text. */
export function reminderEmail(content: NoticeContent, ackLink: string): { subject: string; text: string } {
  const s = noticeStrings(content.language);
  const date = s.shortDate(content.date);
  return {
    subject: s.reminderSubject(date, content.crew.name),
    text: `${s.reminderText(date, content.crew.name)}\n\n${s.ackPrompt}${ackLink}`,
  };
}

/** One crew that has not acknowledged, as the coordinator's morning alert lists it. */
export interface UnacknowledgedCrew {
  crewName: string;
  departmentName: string;
  leaderName: string;
  leaderPhone: string | null;
  firstTask: string;
}

/** The coordinator's morning alert (always in the coordinator's language, zh-CN by default). */
export function escalationAlert(
  language: string,
  date: string,
  projectName: string,
  crews: UnacknowledgedCrew[],
): { subject: string; text: string } {
  const s = noticeStrings(language);
  const day = s.shortDate(date);
  return {
    subject: s.escalationSubject(day, projectName, crews.length),
    text: [
      s.escalationIntro(day, projectName, crews.length),
      '',
      ...crews.map(
        (c) =>
          `· ${c.departmentName} ${c.crewName} — ${c.leaderName}${c.leaderPhone ? ` ${c.leaderPhone}` : ''}；${c.firstTask}`,
      ),
    ].join('\n'),
  };
}
