import { IncidentKind, IncidentSeverity } from '@worksite/shared-domain';
import { IncidentLanguage, incidentKindLabel, localTimeText, severityLabel } from './incident-labels';

/** What a crew's call-out says. */
export interface CalloutInput {
  language: IncidentLanguage;
  timeZone: string;
  code: string;
  kind: IncidentKind;
  severity: IncidentSeverity;
  title: string;
  reportedAt: number;
  /** e.g. 八经小区 32号楼 1单元 (八经街32号) */
  place: string;
  accessNotes: string;
  departmentName: string;
  crewName: string;
  crewLeaderPhone: string | null;
  tasks: { title: string; start: number; finish: number; content: string; tools: string[]; safetyNotes: string }[];
  coordinatorName: string;
  coordinatorPhone: string | null;
}

export interface CalloutMessage {
  subject: string;
  /** Plain text with the acknowledgement link at the end. */
  text: string;
  sms: string;
}

const T = {
  'zh-CN': {
    tag: '【紧急抢修】',
    subject: (i: CalloutInput) => `【紧急抢修】${i.title}（${incidentKindLabel(i.kind, 'zh-CN')}）请立即出警`,
    lines: (i: CalloutInput) => [
      `${i.departmentName} ${i.crewName}：`,
      `${localTimeText(i.reportedAt, i.timeZone, 'zh-CN')} 接报${incidentKindLabel(i.kind, 'zh-CN')}（${severityLabel(i.severity, 'zh-CN')}），事件编号 ${i.code}。`,
      `地点：${i.place}`,
      i.accessNotes ? `现场说明：${i.accessNotes}` : '',
    ],
    task: (t: CalloutInput['tasks'][number], i: CalloutInput) => [
      `· ${t.title}（预计 ${localTimeText(t.start, i.timeZone, 'zh-CN')}–${localTimeText(t.finish, i.timeZone, 'zh-CN')}）`,
      t.content ? `  内容：${t.content}` : '',
      t.tools.length ? `  工具：${t.tools.join('、')}` : '',
      t.safetyNotes ? `  安全：${t.safetyNotes}` : '',
    ],
    tasksTitle: '抢修任务：',
    coordinator: (i: CalloutInput) =>
      `协调员：${i.coordinatorName}${i.coordinatorPhone ? ` ${i.coordinatorPhone}` : ''}`,
    ack: (link: string) => `收到请立即确认：${link}`,
    sms: (i: CalloutInput, link: string) =>
      `【紧急抢修】${i.place}${incidentKindLabel(i.kind, 'zh-CN')}，请${i.crewName}立即出警。确认：${link}`,
  },
  en: {
    tag: '[EMERGENCY] ',
    subject: (i: CalloutInput) => `[EMERGENCY] ${i.title} (${incidentKindLabel(i.kind, 'en')}): respond now`,
    lines: (i: CalloutInput) => [
      `${i.departmentName}, ${i.crewName}:`,
      `${incidentKindLabel(i.kind, 'en')} (${severityLabel(i.severity, 'en')}) reported ${localTimeText(i.reportedAt, i.timeZone, 'en')}, incident ${i.code}.`,
      `Where: ${i.place}`,
      i.accessNotes ? `Access: ${i.accessNotes}` : '',
    ],
    task: (t: CalloutInput['tasks'][number], i: CalloutInput) => [
      `- ${t.title} (expected ${localTimeText(t.start, i.timeZone, 'en')}–${localTimeText(t.finish, i.timeZone, 'en')})`,
      t.content ? `  Work: ${t.content}` : '',
      t.tools.length ? `  Tools: ${t.tools.join(', ')}` : '',
      t.safetyNotes ? `  Safety: ${t.safetyNotes}` : '',
    ],
    tasksTitle: 'Rush tasks:',
    coordinator: (i: CalloutInput) =>
      `Coordinator: ${i.coordinatorName}${i.coordinatorPhone ? ` ${i.coordinatorPhone}` : ''}`,
    ack: (link: string) => `Acknowledge now: ${link}`,
    sms: (i: CalloutInput, link: string) =>
      `[EMERGENCY] ${incidentKindLabel(i.kind, 'en')} at ${i.place}: ${i.crewName}, respond now. Acknowledge: ${link}`,
  },
};

/** The call-out of one crew: subject, text (email and robots) and SMS, each with the link. */
export function calloutMessage(input: CalloutInput, ackLink: string): CalloutMessage {
  const t = T[input.language];
  const lines = [
    ...t.lines(input),
    ...(input.tasks.length ? [t.tasksTitle, ...input.tasks.flatMap((task) => t.task(task, input))] : []),
    t.coordinator(input),
    t.ack(ackLink),
  ].filter((line) => line !== '');
  return { subject: t.subject(input), text: lines.join('\n'), sms: t.sms(input, ackLink).slice(0, 300) };
}

/** The group-chat robot body of a call-out (WeCom/DingTalk markdown, Feishu rich text). */
export function calloutRobotBody(
  kind: 'wecom' | 'dingtalk' | 'feishu',
  message: CalloutMessage,
  mobile: string | null,
): Record<string, unknown> {
  const body = message.text.split('\n');
  switch (kind) {
    case 'wecom':
      return {
        msgtype: 'markdown',
        markdown: { content: [`### ${message.subject}`, ...body].join('\n').slice(0, 1300) },
      };
    case 'dingtalk':
      return {
        msgtype: 'markdown',
        markdown: {
          title: message.subject,
          text: [`### ${message.subject}`, ...body].join('\n\n') + (mobile ? `\n\n@${mobile}` : ''),
        },
        at: { atMobiles: mobile ? [mobile] : [], isAtAll: false },
      };
    case 'feishu':
      return {
        msg_type: 'post',
        content: { post: { zh_cn: { title: message.subject, content: body.map((text) => [{ tag: 'text', text }]) } } },
      };
  }
}

/** The duty lead's SMS when the on-duty crew has not acknowledged in time. */
export function escalationSms(
  language: IncidentLanguage,
  input: {
    code: string;
    title: string;
    departmentName: string;
    crewName: string | null;
    minutes: number;
    coordinator: string;
  },
): string {
  return language === 'en'
    ? `[EMERGENCY] ${input.code} ${input.title}: ${input.departmentName}'s on-duty crew ${input.crewName ?? '(none)'} has not acknowledged within ${input.minutes} min. Please dispatch now. Coordinator ${input.coordinator}`
    : `【紧急抢修】${input.code} ${input.title}：${input.departmentName}值班班组${input.crewName ?? '（无）'}${input.minutes}分钟内未确认出警，请立即安排。协调员${input.coordinator}`;
}

/** The coordinator's reminder that the paperwork (事故资料) is due. */
export function paperworkReminder(
  language: IncidentLanguage,
  input: { code: string; title: string; dueAt: number; timeZone: string },
): { subject: string; text: string } {
  const due = localTimeText(input.dueAt, input.timeZone, language);
  return language === 'en'
    ? {
        subject: `Incident ${input.code}: paperwork due ${due}`,
        text: `The incident paperwork of ${input.code} (${input.title}) is due by ${due}. The incident cannot be closed before it is done.`,
      }
    : {
        subject: `事故资料提醒：${input.code} 须于${due}前完成`,
        text: `事件 ${input.code}（${input.title}）的事故资料须于${due}前完成；完成前事件不能关闭。`,
      };
}
