import { NoticeChangeKind, NoticeLanguage } from './notice-content';

/** Every text a notice shows, per language (zh-CN is the default). One place to translate. */
export interface NoticeStrings {
  greeting(crew: string, leader: string): string;
  intro(date: string, count: number): string;
  noWork(date: string): string;
  subject(date: string, crew: string, count: number): string;
  amendedSubject(date: string, crew: string, revision: number): string;
  amendedIntro(revision: number): string;
  resentSubject(date: string, crew: string, revision: number): string;
  reminderSubject(date: string, crew: string): string;
  reminderText(date: string, crew: string): string;
  escalationSubject(date: string, project: string, count: number): string;
  escalationIntro(date: string, project: string, count: number): string;
  changesTitle: string;
  change: Record<NoticeChangeKind, string>;
  location: string;
  address: string;
  content: string;
  materials: string;
  tools: string;
  safety: string;
  predecessors: string;
  neighbours: string;
  noPredecessors: string;
  noNeighbours: string;
  interruption: string;
  coordinator: string;
  continuesFromEarlier: string;
  continuesLater: string;
  ackPrompt: string;
  ackButton: string;
  calendarName(crew: string, date: string): string;
  status: Record<string, string>;
  utility: Record<string, string>;
  done: string;
  notDone: string;
  listSeparator: string;
  /** Between a label and its value: "地点：" / "Place: ". */
  colon: string;
  /** Between items of a longer list. */
  itemSeparator: string;
  paren(text: string): string;
  unit: string;
  building: string;
  more(count: number): string;
  smsText(crew: string, date: string, count: number, first: string): string;
  /** Make-ready: the mark of a task with open constraints, its headline prefix, the SMS note. */
  notReady: string;
  notReadyPrefix: string;
  ready: string;
  smsNotReady(count: number): string;
  /** "12月5日前" / "due 5 Dec". */
  dueBy(shortDate: string): string;
  dateLabel(date: string): string;
  shortDate(date: string): string;
}

const WEEKDAYS_ZH = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

/** ISO weekday 1..7 of a local date, without time zones (the date is already local). */
function weekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const ZH: NoticeStrings = {
  greeting: (crew, leader) => `${crew} ${leader} 班长：`,
  intro: (date, count) => `${date}施工安排如下，共 ${count} 项：`,
  noWork: (date) => `${date}没有安排施工任务。`,
  subject: (date, crew, count) => `【明日施工安排】${date} · ${crew} · ${count} 项`,
  amendedSubject: (date, crew, revision) => `【施工安排变更·第${revision}版】${date} · ${crew}`,
  amendedIntro: (revision) => `施工安排有变更（第 ${revision} 版），以本通知为准。`,
  resentSubject: (date, crew, revision) => `【施工安排·重发第${revision}版】${date} · ${crew}`,
  reminderSubject: (date, crew) => `【请确认】${date}施工安排 · ${crew}`,
  reminderText: (date, crew) => `${crew}：您还没有确认${date}的施工安排，请查看通知并点击链接确认。`,
  escalationSubject: (date, project, count) => `【未确认】${date} · ${project} · ${count} 个班组未确认施工安排`,
  escalationIntro: (date, project, count) => `${project}：以下 ${count} 个班组尚未确认${date}的施工安排，请电话联系：`,
  changesTitle: '变更内容',
  change: {
    added: '新增',
    cancelled: '取消',
    removed: '删除',
    reassigned: '改派其他班组',
    moved: '改到其他日期',
    time: '时间调整',
    location: '地点调整',
    title: '名称调整',
    content: '施工内容调整',
    materials: '物料调整',
    tools: '工具调整',
    safety: '安全注意调整',
    interruption: '停用影响调整',
    readiness: '就绪状态变化',
    held: '暂缓（未就绪）',
    details: '内容调整',
  },
  location: '地点',
  address: '地址',
  content: '施工内容',
  materials: '物料',
  tools: '工具',
  safety: '安全注意',
  predecessors: '前置工作',
  neighbours: '同场施工',
  noPredecessors: '无',
  noNeighbours: '无其他班组',
  interruption: '停用影响',
  coordinator: '协调员',
  continuesFromEarlier: '（接续前日）',
  continuesLater: '（次日继续）',
  ackPrompt: '收到后请点击链接确认：',
  ackButton: '确认已收到',
  calendarName: (crew, date) => `${crew} ${date} 施工安排`,
  status: {
    planned: '计划',
    ready: '就绪',
    in_progress: '进行中',
    done: '已完成',
    blocked: '受阻',
    cancelled: '已取消',
  },
  utility: {
    power: '停电',
    water: '停水',
    gas: '停气',
    heating: '停暖',
    network: '断网',
    road_closure: '封路',
  },
  done: '已完成',
  notDone: '未完成',
  listSeparator: '、',
  colon: '：',
  itemSeparator: '；',
  paren: (text) => `（${text}）`,
  unit: '单元',
  building: '楼',
  more: (count) => `……另有 ${count} 项，详见邮件或确认页`,
  smsText: (crew, date, count, first) => `【工地协同】${crew}${date}施工${count}项，首项${first}。`,
  notReady: '未就绪',
  notReadyPrefix: '【未就绪】',
  ready: '已就绪',
  smsNotReady: (count) => `其中${count}项未就绪。`,
  dueBy: (date) => `${date}前`,
  dateLabel: (date) => {
    const [y, m, d] = date.split('-').map(Number);
    return `${y}年${m}月${d}日（${WEEKDAYS_ZH[weekday(date) - 1]}）`;
  },
  shortDate: (date) => {
    const [, m, d] = date.split('-').map(Number);
    return `${m}月${d}日`;
  },
};

const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const EN: NoticeStrings = {
  greeting: (crew, leader) => `Dear ${leader} (${crew}),`,
  intro: (date, count) => `Your work on ${date}: ${count} task${count === 1 ? '' : 's'}.`,
  noWork: (date) => `You have no work planned on ${date}.`,
  subject: (date, crew, count) => `Work plan for ${date} · ${crew} · ${count} task${count === 1 ? '' : 's'}`,
  amendedSubject: (date, crew, revision) => `[Changed, revision ${revision}] Work plan for ${date} · ${crew}`,
  amendedIntro: (revision) => `Your plan has changed (revision ${revision}); this notice replaces the earlier one.`,
  resentSubject: (date, crew, revision) => `[Resent, revision ${revision}] Work plan for ${date} · ${crew}`,
  reminderSubject: (date, crew) => `[Please confirm] Work plan for ${date} · ${crew}`,
  reminderText: (date, crew) =>
    `${crew}: you have not confirmed your work plan for ${date} yet. Please read it and confirm with the link.`,
  escalationSubject: (date, project, count) =>
    `[Not confirmed] ${date} · ${project} · ${count} crew${count === 1 ? '' : 's'} did not confirm`,
  escalationIntro: (date, project, count) =>
    `${project}: ${count} crew${count === 1 ? ' has' : 's have'} not confirmed the plan for ${date}; please call them:`,
  changesTitle: 'What changed',
  change: {
    added: 'added',
    cancelled: 'cancelled',
    removed: 'removed',
    reassigned: 'given to another crew',
    moved: 'moved to another day',
    time: 'new time',
    location: 'new place',
    title: 'renamed',
    content: 'new work content',
    materials: 'new materials',
    tools: 'new tools',
    safety: 'new safety notes',
    interruption: 'new utility cut',
    readiness: 'readiness changed',
    held: 'held back (not ready)',
    details: 'details changed',
  },
  location: 'Place',
  address: 'Address',
  content: 'Work',
  materials: 'Materials',
  tools: 'Tools',
  safety: 'Safety',
  predecessors: 'Before this',
  neighbours: 'Also on site',
  noPredecessors: 'none',
  noNeighbours: 'no other crew',
  interruption: 'Residents cut off',
  coordinator: 'Coordinator',
  continuesFromEarlier: ' (continued from the day before)',
  continuesLater: ' (continues the next day)',
  ackPrompt: 'Please confirm you received it:',
  ackButton: 'Confirm receipt',
  calendarName: (crew, date) => `${crew} work plan ${date}`,
  status: {
    planned: 'planned',
    ready: 'ready',
    in_progress: 'in progress',
    done: 'done',
    blocked: 'blocked',
    cancelled: 'cancelled',
  },
  utility: {
    power: 'power cut',
    water: 'water cut',
    gas: 'gas cut',
    heating: 'heating cut',
    network: 'network cut',
    road_closure: 'road closed',
  },
  done: 'done',
  notDone: 'not done',
  listSeparator: ', ',
  colon: ': ',
  itemSeparator: '; ',
  paren: (text) => ` (${text})`,
  unit: 'Unit ',
  building: 'Building ',
  more: (count) => `… ${count} more, see the email or the confirmation page`,
  smsText: (crew, date, count, first) => `[Worksite] ${crew}: ${count} task(s) on ${date}, first ${first}.`,
  notReady: 'NOT READY',
  notReadyPrefix: '[NOT READY] ',
  ready: 'ready',
  smsNotReady: (count) => ` ${count} NOT READY.`,
  dueBy: (date) => `due ${date}`,
  dateLabel: (date) => {
    const [y, m, d] = date.split('-').map(Number);
    return `${WEEKDAYS_EN[weekday(date) - 1]} ${d} ${MONTHS_EN[m - 1]} ${y}`;
  },
  shortDate: (date) => {
    const [, m, d] = date.split('-').map(Number);
    return `${d} ${MONTHS_EN[m - 1]}`;
  },
};

const STRINGS: Record<NoticeLanguage, NoticeStrings> = { 'zh-CN': ZH, en: EN };

/** The strings of a language; anything unknown falls back to zh-CN. */
export function noticeStrings(language: string): NoticeStrings {
  return STRINGS[language as NoticeLanguage] ?? ZH;
}
