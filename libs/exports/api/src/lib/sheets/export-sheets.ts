import { materialText, NoticeMaterial, noticeStrings } from '@worksite/notices-domain';
import { formatPredecessors } from '@worksite/plan-notation';
import { DependencyDto, ScheduledTaskDto } from '@worksite/shared-domain';
import { SheetColumn, SheetLanguage, SheetSpec } from './sheet-writer';

/** Compound, building, unit (or street) and address of a task's place. */
export interface PlaceNames {
  compound: string | null;
  building: string | null;
  unit: string | null;
  street: string | null;
  address: string | null;
}

/** Names an export resolves, limited to what the user may read. */
export interface ExportNames {
  departments: Map<string, string>;
  crews: Map<string, string>;
  places: Map<string, PlaceNames>;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-12-04 08:00" in the zone (one Intl formatter per zone: exports format 10,000s of these). */
export function localDateTime(instant: string | Date, zone: string): string {
  let format = dateTimeFormats.get(zone);
  if (!format) {
    // Swedish writes dates as ISO does: "2026-12-04 08:00".
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(zone, format);
  }
  return format.format(new Date(instant));
}

const hours = (minutes: number | null | undefined) =>
  minutes === null || minutes === undefined ? null : Math.round((minutes / 60) * 100) / 100;

export const placeText = (place: PlaceNames | undefined) =>
  place ? [place.compound, place.street, place.building, place.unit].filter(Boolean).join(' ') : '';

/**
 * Predecessors in MS Project's notation over the task codes (the table's and the import's
 * 编号): "3", "3SS", "5FS+2h"; only predecessors the user may see.
 */
export function predecessorNotation(
  links: DependencyDto[],
  codeOf: Map<string, number>,
  minutesPerDay: number,
): string {
  return formatPredecessors(
    links.flatMap((link) => {
      const code = codeOf.get(link.predecessorId);
      return code === undefined ? [] : [{ code, type: link.type, lagMinutes: link.lagMinutes }];
    }),
    minutesPerDay,
  );
}

interface ProjectRow {
  task: ScheduledTaskDto;
  predecessors: string;
}

/**
 * A project's tasks (those the user may see, in the order of their start), one row each:
 * dates in the project zone, duration and floats in working hours, predecessors by task code.
 */
export function projectSheet(
  tasks: ScheduledTaskDto[],
  links: DependencyDto[],
  names: ExportNames,
  options: { zone: string; minutesPerDay: number; language: SheetLanguage },
): SheetSpec<ProjectRow> {
  const { zone, minutesPerDay, language } = options;
  const s = noticeStrings(language);
  const ordered = [...tasks].sort(
    (a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.title.localeCompare(b.title),
  );
  const codeOf = new Map(ordered.map((task) => [task.id, task.code]));
  const incoming = new Map<string, DependencyDto[]>();
  for (const link of links) incoming.set(link.successorId, [...(incoming.get(link.successorId) ?? []), link]);
  const yes = language === 'en' ? 'yes' : '是';
  const columns: SheetColumn<ProjectRow>[] = [
    { header: { 'zh-CN': '编号', en: 'ID' }, width: 7, kind: 'number', value: (r) => r.task.code },
    { header: { 'zh-CN': '任务名称', en: 'Task' }, width: 30, value: (r) => r.task.title },
    {
      header: { 'zh-CN': '部门', en: 'Department' },
      width: 22,
      value: (r) => names.departments.get(r.task.departmentId) ?? '',
    },
    {
      header: { 'zh-CN': '班组', en: 'Crew' },
      width: 14,
      value: (r) => (r.task.crewId ? (names.crews.get(r.task.crewId) ?? '') : ''),
    },
    {
      header: { 'zh-CN': '位置', en: 'Location' },
      width: 26,
      value: (r) => placeText(names.places.get(r.task.locationId ?? '')),
    },
    {
      header: { 'zh-CN': '开始', en: 'Start' },
      width: 17,
      kind: 'datetime',
      value: (r) => localDateTime(r.task.plannedStart, zone),
    },
    {
      header: { 'zh-CN': '结束', en: 'Finish' },
      width: 17,
      kind: 'datetime',
      value: (r) => localDateTime(r.task.plannedFinish, zone),
    },
    {
      header: { 'zh-CN': '工期（工时）', en: 'Duration (working h)' },
      width: 12,
      kind: 'number',
      value: (r) => hours(r.task.durationMinutes),
    },
    {
      header: { 'zh-CN': '总时差（工时）', en: 'Total float (working h)' },
      width: 12,
      kind: 'number',
      value: (r) => (r.task.scheduledAs === 'excluded' ? null : hours(r.task.totalFloatMinutes)),
    },
    {
      header: { 'zh-CN': '自由时差（工时）', en: 'Free float (working h)' },
      width: 12,
      kind: 'number',
      value: (r) => (r.task.scheduledAs === 'excluded' ? null : hours(r.task.freeFloatMinutes)),
    },
    { header: { 'zh-CN': '关键任务', en: 'Critical' }, width: 9, value: (r) => (r.task.critical ? yes : '') },
    { header: { 'zh-CN': '状态', en: 'Status' }, width: 10, value: (r) => s.status[r.task.status] ?? r.task.status },
    { header: { 'zh-CN': '进度（%）', en: 'Progress (%)' }, width: 9, kind: 'number', value: (r) => r.task.progress },
    { header: { 'zh-CN': '前置任务', en: 'Predecessors' }, width: 16, value: (r) => r.predecessors },
    { header: { 'zh-CN': '任务ID', en: 'Task id' }, width: 38, value: (r) => r.task.id },
  ];
  return {
    name: language === 'en' ? 'Tasks' : '任务',
    columns,
    rows: ordered.map((task) => ({
      task,
      predecessors: predecessorNotation(incoming.get(task.id) ?? [], codeOf, minutesPerDay),
    })),
  };
}

/** A task of a day plan as the export reads it. */
export interface DayPlanTask {
  id: string;
  title: string;
  content: string;
  departmentId: string;
  crewId: string | null;
  locationId: string | null;
  plannedStart: Date;
  plannedFinish: Date;
  status: string;
  materials: NoticeMaterial[];
  tools: string[];
  safetyNotes: string;
}

interface DayPlanRow {
  task: DayPlanTask;
  crew: string;
}

/**
 * One local day of a project, per crew (by name, then by start): times HH:mm on the day
 * (with the date when the task begins or ends on another day), place, work, materials, tools.
 */
export function dayPlanSheet(
  tasks: DayPlanTask[],
  names: ExportNames,
  date: string,
  zone: string,
  language: SheetLanguage,
): SheetSpec<DayPlanRow> {
  const s = noticeStrings(language);
  const noCrew = language === 'en' ? '(no crew)' : '（未指定班组）';
  const time = (instant: Date) => {
    const text = localDateTime(instant, zone);
    return text.startsWith(`${date} `) ? text.slice(11) : text;
  };
  const rows = tasks
    .map((task) => ({ task, crew: task.crewId ? (names.crews.get(task.crewId) ?? '') : noCrew }))
    .sort(
      (a, b) =>
        a.crew.localeCompare(b.crew, 'zh-CN') ||
        a.task.plannedStart.getTime() - b.task.plannedStart.getTime() ||
        a.task.title.localeCompare(b.task.title),
    );
  const place = (r: DayPlanRow) => names.places.get(r.task.locationId ?? '');
  const columns: SheetColumn<DayPlanRow>[] = [
    { header: { 'zh-CN': '班组', en: 'Crew' }, width: 14, value: (r) => r.crew },
    {
      header: { 'zh-CN': '部门', en: 'Department' },
      width: 22,
      value: (r) => names.departments.get(r.task.departmentId) ?? '',
    },
    { header: { 'zh-CN': '开始', en: 'Start' }, width: 10, value: (r) => time(r.task.plannedStart) },
    { header: { 'zh-CN': '结束', en: 'End' }, width: 10, value: (r) => time(r.task.plannedFinish) },
    { header: { 'zh-CN': '任务名称', en: 'Task' }, width: 28, value: (r) => r.task.title },
    {
      header: { 'zh-CN': '小区', en: 'Compound' },
      width: 14,
      value: (r) => place(r)?.compound ?? place(r)?.street ?? '',
    },
    { header: { 'zh-CN': '楼号', en: 'Building' }, width: 10, value: (r) => place(r)?.building ?? '' },
    { header: { 'zh-CN': '单元', en: 'Unit' }, width: 8, value: (r) => place(r)?.unit ?? '' },
    { header: { 'zh-CN': '地址', en: 'Address' }, width: 24, value: (r) => place(r)?.address ?? '' },
    { header: { 'zh-CN': '施工内容', en: 'Work' }, width: 30, value: (r) => r.task.content },
    {
      header: { 'zh-CN': '物料', en: 'Materials' },
      width: 26,
      value: (r) => r.task.materials.map(materialText).join(s.listSeparator),
    },
    { header: { 'zh-CN': '工具', en: 'Tools' }, width: 20, value: (r) => r.task.tools.join(s.listSeparator) },
    { header: { 'zh-CN': '安全要求', en: 'Safety' }, width: 24, value: (r) => r.task.safetyNotes },
    { header: { 'zh-CN': '状态', en: 'Status' }, width: 10, value: (r) => s.status[r.task.status] ?? r.task.status },
  ];
  return { name: date, columns, rows };
}
