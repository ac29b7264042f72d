/** The columns of an import sheet, in the order of the template. */
export const IMPORT_FIELDS = [
  'code',
  'title',
  'department',
  'crew',
  'compound',
  'building',
  'unit',
  'start',
  'finish',
  'duration',
  'predecessors',
  'materials',
  'tools',
  'safetyNotes',
  'interruption',
  'status',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The template's header of each column (zh-CN, en). */
export const IMPORT_HEADERS: Readonly<Record<ImportField, { 'zh-CN': string; en: string }>> = {
  code: { 'zh-CN': '编号', en: 'Code' },
  title: { 'zh-CN': '任务名称', en: 'Task' },
  department: { 'zh-CN': '部门', en: 'Department' },
  crew: { 'zh-CN': '班组', en: 'Crew' },
  compound: { 'zh-CN': '小区', en: 'Compound' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  unit: { 'zh-CN': '单元', en: 'Unit' },
  start: { 'zh-CN': '开始', en: 'Start' },
  finish: { 'zh-CN': '结束', en: 'Finish' },
  duration: { 'zh-CN': '工期', en: 'Duration' },
  predecessors: { 'zh-CN': '前置任务', en: 'Predecessors' },
  materials: { 'zh-CN': '物料', en: 'Materials' },
  tools: { 'zh-CN': '工具', en: 'Tools' },
  safetyNotes: { 'zh-CN': '安全要求', en: 'Safety' },
  interruption: { 'zh-CN': '停用影响', en: 'Utility cut' },
  status: { 'zh-CN': '状态', en: 'Status' },
};

/** Other headers coordinators' own sheets use for the same columns (matched without spaces, any case). */
const ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  code: ['序号', 'id', 'no', 'no.', '任务编号', 'wbs', 'uniqueid'],
  title: ['名称', '任务', '工作内容', '施工内容', 'name', 'title', 'taskname'],
  department: ['单位', '责任单位', '责任部门', 'dept'],
  crew: ['施工班组', '队伍', 'team'],
  compound: ['社区', '小区名称', 'community'],
  building: ['楼号', '楼', '楼宇', 'block'],
  unit: ['单元号'],
  start: ['开始时间', '开始日期', '计划开始', 'startdate', 'begin'],
  finish: ['结束时间', '完成时间', '结束日期', '计划完成', 'end', 'finishdate'],
  duration: ['工期(天)', '天数', '时长', 'days'],
  predecessors: ['前置', '紧前任务', 'predecessor', 'dependson'],
  materials: ['材料', 'material'],
  tools: ['工器具', 'tool', 'equipment'],
  safetyNotes: ['安全', '安全措施', '安全注意事项', 'safetynotes', 'safetyrequirements'],
  interruption: ['停电停水', '影响', 'interruption', 'cut'],
  status: ['任务状态', 'state'],
};

const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/**
 * Guesses which field each header of a sheet holds (template headers in either language, then
 * known aliases); headers it does not know are left out. A coordinator corrects the guess in
 * the browser; the api takes the mapping as given.
 */
export function guessColumnMapping(headers: readonly string[]): Record<string, ImportField> {
  const known = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    known.set(squash(IMPORT_HEADERS[field]['zh-CN']), field);
    known.set(squash(IMPORT_HEADERS[field].en), field);
    known.set(squash(field), field);
  }
  for (const field of IMPORT_FIELDS)
    for (const alias of ALIASES[field]) if (!known.has(squash(alias))) known.set(squash(alias), field);
  const mapping: Record<string, ImportField> = {};
  const taken = new Set<ImportField>();
  for (const header of headers) {
    const field = known.get(squash(header));
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** Status labels a sheet may use (the web app's zh-CN and en labels, and the values themselves). */
export const STATUS_LABELS: Readonly<Record<string, readonly string[]>> = {
  planned: ['计划中', '计划', '未开始', 'planned'],
  ready: ['已就绪', '就绪', 'ready'],
  in_progress: ['进行中', '施工中', 'in progress', 'in_progress'],
  done: ['已完成', '完成', 'done', 'completed'],
  blocked: ['受阻', '阻塞', 'blocked'],
  cancelled: ['已取消', '取消', 'cancelled', 'canceled'],
};

/** Names of utility cuts a sheet may use. */
export const INTERRUPTION_LABELS: Readonly<Record<string, readonly string[]>> = {
  power: ['停电', 'power', 'power cut'],
  water: ['停水', 'water', 'water cut'],
  gas: ['停气', '停燃气', 'gas', 'gas cut'],
  heating: ['停暖', '停热', 'heating', 'heating cut'],
  network: ['断网', '停网', 'network', 'network cut'],
  road_closure: ['封路', '断路', 'road_closure', 'road closure'],
};

/** The first label of each value in the language asked (the template's drop-down lists). */
export function labelsOf(labels: Readonly<Record<string, readonly string[]>>, english: boolean): string[] {
  return Object.entries(labels).map(([value, names]) => (english ? value.replace('_', ' ') : names[0]));
}

/** The value a label stands for, or undefined. */
export function valueOfLabel(labels: Readonly<Record<string, readonly string[]>>, label: string): string | undefined {
  const wanted = squash(label);
  for (const [value, names] of Object.entries(labels)) {
    if (squash(value) === wanted || names.some((name) => squash(name) === wanted)) return value;
  }
  return undefined;
}
