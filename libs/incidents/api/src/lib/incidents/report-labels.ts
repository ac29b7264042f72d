import { IncidentDepartmentStatus, IncidentEventKind } from '@worksite/shared-domain';

type Lang = 'zh-CN' | 'en';

const EVENTS: Record<IncidentEventKind, Record<Lang, string>> = {
  [IncidentEventKind.Reported]: { 'zh-CN': '接报', en: 'reported' },
  [IncidentEventKind.Notified]: { 'zh-CN': '已通知', en: 'notified' },
  [IncidentEventKind.Acknowledged]: { 'zh-CN': '已确认', en: 'acknowledged' },
  [IncidentEventKind.OnSite]: { 'zh-CN': '已到场', en: 'on site' },
  [IncidentEventKind.Done]: { 'zh-CN': '已完成', en: 'done' },
  [IncidentEventKind.Escalated]: {
    'zh-CN': '超时未确认，已短信通知值班负责人',
    en: 'escalated to the duty lead by SMS',
  },
  [IncidentEventKind.NoCrewOnDuty]: { 'zh-CN': '无值班班组', en: 'no crew on duty' },
  [IncidentEventKind.ClashFlagged]: { 'zh-CN': '已标记冲突的计划施工', en: 'clashing planned work flagged' },
  [IncidentEventKind.TaskStatus]: { 'zh-CN': '任务状态', en: 'task status' },
  [IncidentEventKind.PaperworkReminded]: { 'zh-CN': '已提醒事故资料', en: 'paperwork reminder sent' },
  [IncidentEventKind.ResidentPostSent]: { 'zh-CN': '已在居民群发布', en: 'residents’ group told' },
  [IncidentEventKind.Closed]: { 'zh-CN': '事件关闭', en: 'closed' },
};

const STATUSES: Record<IncidentDepartmentStatus, Record<Lang, string>> = {
  [IncidentDepartmentStatus.Calling]: { 'zh-CN': '通知中', en: 'calling' },
  [IncidentDepartmentStatus.Notified]: { 'zh-CN': '已通知', en: 'notified' },
  [IncidentDepartmentStatus.Acknowledged]: { 'zh-CN': '已确认', en: 'acknowledged' },
  [IncidentDepartmentStatus.OnSite]: { 'zh-CN': '已到场', en: 'on site' },
  [IncidentDepartmentStatus.Done]: { 'zh-CN': '已完成', en: 'done' },
};

export const eventLabel = (kind: IncidentEventKind, lang: Lang) => EVENTS[kind]?.[lang] ?? kind;
export const departmentStatusLabel = (status: IncidentDepartmentStatus, lang: Lang) =>
  STATUSES[status]?.[lang] ?? status;

/** The report's fixed texts. */
export const REPORT_TEXT = {
  'zh-CN': {
    title: '突发事件处置报告',
    code: '事件编号',
    kind: '类型',
    severity: '等级',
    place: '地点',
    households: '影响户数',
    householdsValue: (n: number) => `${n}户`,
    reported: '接报时间',
    reportedBy: '接报人',
    caller: '报告人',
    closed: '关闭时间',
    open: '未关闭',
    paperwork: '事故资料截止',
    departments: '参与部门',
    departmentHead: ['部门', '值班班组', '通知', '确认', '到场', '完成', '响应用时'],
    tasks: '抢修任务',
    taskHead: ['任务', '计划开始', '计划完成', '时长', '状态'],
    timeline: '处置时间线',
    timelineHead: ['时间', '事项', '部门', '执行人'],
    minutes: (m: number) => `${m}分钟`,
    page: (n: number, total: number) => `第 ${n} / ${total} 页`,
  },
  en: {
    title: 'Post-incident report',
    code: 'Incident',
    kind: 'Kind',
    severity: 'Severity',
    place: 'Where',
    households: 'Households affected',
    householdsValue: (n: number) => `${n}`,
    reported: 'Reported',
    reportedBy: 'Taken by',
    caller: 'Caller',
    closed: 'Closed',
    open: 'open',
    paperwork: 'Paperwork due',
    departments: 'Departments called in',
    departmentHead: ['Department', 'Crew on duty', 'Notified', 'Acknowledged', 'On site', 'Done', 'Response'],
    tasks: 'Rush tasks',
    taskHead: ['Task', 'Planned start', 'Planned finish', 'Duration', 'Status'],
    timeline: 'Timeline',
    timelineHead: ['Time', 'What', 'Department', 'Who'],
    minutes: (m: number) => `${m} min`,
    page: (n: number, total: number) => `Page ${n} of ${total}`,
  },
} as const;
