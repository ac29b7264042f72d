import { materialText, NoticeMaterial, noticeStrings } from '@worksite/notices-domain';
import { DependencyDto, ScheduledTaskDto } from '@worksite/shared-domain';
import { localDateOf, localTimeOf } from '@worksite/shared-util-time';
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

/** "2026-12-04 08:00" in the zone. */
export const localDateTime = (iso: string | Date, zone: string) =>
  `${localDateOf(new Date(iso), zone)} ${localTimeOf(new Date(iso), zone)}`;

const hours = (minutes: number | null | undefined) =>
  minutes === null || minutes === undefined ? null : Math.round((minutes / 60) * 100) / 100;

export const placeText = (place: PlaceNames | undefined) =>
  place ? [place.compound, place.street, place.building, place.unit].filter(Boolean).join(' ') : '';

/** A lag in working minutes as MS Project writes it: +2h, -30m (whole hours in hours). */
function lagText(minutes: number): string {
  if (minutes === 0) return '';
  const sign = minutes > 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return abs % 60 === 0 ? `${sign}${abs / 60}h` : `${sign}${abs}m`;
}

/**
 * Predecessors in MS Project's notation over the export's row numbers: "3", "3SS", "5FS+2h"
 * (a finish-to-start link without lag is the row number alone), separated by commas.
 */
export function predecessorNotation(links: DependencyDto[], rowOf: Map<string, number>): string {
  return links
    .filter((link) => rowOf.has(link.predecessorId))
    .sort((a, b) => (rowOf.get(a.predecessorId) ?? 0) - (rowOf.get(b.predecessorId) ?? 0))
    .map((link) => {
      const row = rowOf.get(link.predecessorId);
      const lag = lagText(link.lagMinutes);
      return link.type === 'FS' && !lag ? `${row}` : `${row}${link.type}${lag}`;
    })
    .join(',');
}

interface ProjectRow {
  number: number;
  task: ScheduledTaskDto;
  predecessors: string;
}

/**
 * A project's tasks (those the user may see, in the order of their start), one row each:
 * dates in the project zone, duration and floats in working hours, predecessors by row number.
 */
export function projectSheet(
  tasks: ScheduledTaskDto[],
  links: DependencyDto[],
  names: ExportNames,
  zone: string,
  language: SheetLanguage,
): SheetSpec<ProjectRow> {
  const s = noticeStrings(language);
  const ordered = [...tasks].sort(
    (a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.title.localeCompare(b.title),
  );
  const rowOf = new Map(ordered.map((task, index) => [task.id, index + 1]));
  const incoming = new Map<string, DependencyDto[]>();
  for (const link of links) incoming.set(link.successorId, [...(incoming.get(link.successorId) ?? []), link]);
  const yes = language === 'en' ? 'yes' : '是';
  const columns: SheetColumn<ProjectRow>[] = [
    { header: { 'zh-CN': '序号', en: 'No.' }, width: 7, kind: 'number', value: (r) => r.number },
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
    rows: ordered.map((task, index) => ({
      number: index + 1,
      task,
      predecessors: predecessorNotation(incoming.get(task.id) ?? [], rowOf),
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
  const time = (instant: Date) =>
    localDateOf(instant, zone) === date ? localTimeOf(instant, zone) : localDateTime(instant, zone);
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
