import { NoticeConstraint, NoticeLanguage } from './notice-content';
import { NoticeStrings, noticeStrings } from './notice-strings';
import { constraintText } from './render-parts';

/** A message of the make-ready jobs: subject and text for email, a short text for SMS. */
export interface MakeReadyMessage {
  subject: string;
  text: string;
  sms: string;
}

/** An open constraint an owner is reminded of, with the task it holds up. */
export interface ReminderItem {
  constraint: NoticeConstraint;
  projectName: string;
  taskTitle: string;
  /** Local date the task starts. */
  taskDate: string;
}

/** A task of tomorrow that is not ready, as the coordinators' 18:00 list shows it. */
export interface NotReadyListTask {
  title: string;
  /** Local time HH:mm the task starts (on the list's date, or the date it began). */
  start: string;
  departmentName: string;
  crewName: string | null;
  constraints: NoticeConstraint[];
}

/** Characters of an SMS before it is cut (gateways split longer texts). */
const SMS_BUDGET = 120;
const short = (text: string) => (text.length > SMS_BUDGET ? `${text.slice(0, SMS_BUDGET - 1)}…` : text);

interface MakeReadyStrings {
  reminderSubject(count: number): string;
  reminderIntro(owner: string): string;
  dueToday: string;
  taskStarts(date: string): string;
  reminderSms(count: number, first: string): string;
  listSubject(date: string, project: string, count: number): string;
  listIntro(date: string, project: string, count: number): string;
  listSms(date: string, project: string, count: number, titles: string): string;
}

const ZH: MakeReadyStrings = {
  reminderSubject: (count) => `【开工条件提醒】${count} 项开工条件即将到期`,
  reminderIntro: (owner) => `${owner}：以下开工条件由您负责落实，请在到期前完成并在系统中销项：`,
  dueToday: '今天到期',
  taskStarts: (date) => `${date}开工`,
  reminderSms: (count, first) => `【工地协同】您有${count}项开工条件即将到期：${first}。请及时落实。`,
  listSubject: (date, project, count) => `【明日未就绪】${date} · ${project} · ${count} 项任务未就绪`,
  listIntro: (date, project, count) =>
    `${project}：${date}的以下 ${count} 项任务尚未就绪，请在今晚发送施工通知前协调落实：`,
  listSms: (date, project, count, titles) =>
    `【工地协同】${project}${date}有${count}项任务未就绪：${titles}。详见邮件。`,
};

const EN: MakeReadyStrings = {
  reminderSubject: (count) => `[Make-ready] ${count} constraint${count === 1 ? '' : 's'} coming due`,
  reminderIntro: (owner) => `${owner}: you are responsible for clearing these constraints before they are due:`,
  dueToday: 'due today',
  taskStarts: (date) => `starts ${date}`,
  reminderSms: (count, first) => `[Worksite] ${count} constraint(s) coming due: ${first}. Please clear them.`,
  listSubject: (date, project, count) =>
    `[Not ready tomorrow] ${date} · ${project} · ${count} task${count === 1 ? '' : 's'} not ready`,
  listIntro: (date, project, count) =>
    `${project}: ${count} task${count === 1 ? ' is' : 's are'} not ready for ${date}; please sort ${count === 1 ? 'it' : 'them'} out before tonight's notices:`,
  listSms: (date, project, count, titles) => `[Worksite] ${project}: ${count} task(s) not ready on ${date}: ${titles}.`,
};

const stringsOf = (language: string): [MakeReadyStrings, NoticeStrings, NoticeLanguage] =>
  language === 'en' ? [EN, noticeStrings('en'), 'en'] : [ZH, noticeStrings('zh-CN'), 'zh-CN'];

/**
 * The reminder to a constraint's owner (a user, or a department's agency users and phone) of
 * the open constraints due today or soon: each with its task, project and due date.
 */
export function constraintReminderMessage(
  language: string,
  today: string,
  ownerName: string,
  items: ReminderItem[],
): MakeReadyMessage {
  const [m, s, lang] = stringsOf(language);
  const sorted = [...items].sort(
    (a, b) =>
      (a.constraint.dueDate ?? '').localeCompare(b.constraint.dueDate ?? '') || a.taskTitle.localeCompare(b.taskTitle),
  );
  const due = (item: ReminderItem) =>
    item.constraint.dueDate === today ? m.dueToday : s.dueBy(s.shortDate(item.constraint.dueDate ?? today));
  const line = (item: ReminderItem) =>
    `· ${due(item)}${s.colon}${constraintText({ ...item.constraint, dueDate: null, ownerName: null }, s, lang)} — ` +
    `${item.projectName} ${item.taskTitle}${s.paren(m.taskStarts(s.shortDate(item.taskDate)))}`;
  const first = sorted[0];
  return {
    subject: m.reminderSubject(items.length),
    text: [m.reminderIntro(ownerName), '', ...sorted.map(line)].join('\n'),
    sms: short(
      m.reminderSms(
        items.length,
        first
          ? `${due(first)} ${constraintText({ ...first.constraint, description: '', dueDate: null, ownerName: null }, s, lang)} ${first.taskTitle}`
          : '',
      ),
    ),
  };
}

/** The coordinators' 18:00 list of the date's tasks that are not ready, each with its open constraints and owners. */
export function notReadyListMessage(
  language: string,
  date: string,
  projectName: string,
  tasks: NotReadyListTask[],
): MakeReadyMessage {
  const [m, s, lang] = stringsOf(language);
  const day = s.shortDate(date);
  const sorted = [...tasks].sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
  const lines = sorted.flatMap((task) => [
    `· ${task.start} ${task.title}${s.paren([task.departmentName, task.crewName].filter(Boolean).join(' '))}`,
    ...task.constraints.map((c) => `    ⚠ ${s.notReady}${s.colon}${constraintText(c, s, lang)}`),
  ]);
  return {
    subject: m.listSubject(day, projectName, tasks.length),
    text: [m.listIntro(day, projectName, tasks.length), '', ...lines].join('\n'),
    sms: short(m.listSms(day, projectName, tasks.length, sorted.map((t) => t.title).join(s.listSeparator))),
  };
}
