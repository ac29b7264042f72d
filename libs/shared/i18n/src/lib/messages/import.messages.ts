import { Messages } from './messages.type';

/** Messages of imports (JSON, Excel, MS Project XML): the answer, and each problem of a row. */
export const IMPORT_MESSAGES = {
  // import_invalid (the answer with the report) is shared with the community import: exchange.messages.ts.
  import_file_unreadable: {
    'zh-CN': '无法读取文件：{reason}',
    en: 'The file cannot be read: {reason}',
  },
  import_mapping_invalid: {
    'zh-CN': '列对应关系无效：{reason}',
    en: 'The column mapping is invalid: {reason}',
  },
  import_no_title_column: {
    'zh-CN': '表格中没有与“编号”和“任务名称”对应的列。',
    en: 'The sheet has no columns mapped to the code and the task name.',
  },
  mspdi_lag_format: {
    'zh-CN': '任务 {task} 的前置关系使用了{format}延隔时间，无法换算为工作时间。',
    en: 'A link of task {task} has a {format} lag, which cannot be converted into working time.',
  },
  mspdi_constraint_dropped: {
    'zh-CN': '排程不支持“{type}”限制（{date}），该任务改为“越早越好”排程',
    en: 'the schedule cannot hold the constraint {type} ({date}); the task is scheduled as soon as possible',
  },
  mspdi_constraint_converted: {
    'zh-CN': '“{type}”限制（{date}）改为“必须开始于”{start}（完成时间减工期）',
    en: 'the constraint {type} ({date}) is held as must start on {start} (its finish less its duration)',
  },
  mspdi_task_calendar_ignored: {
    'zh-CN': '任务日历“{calendar}”未导入，该任务按项目日历排程',
    en: 'the task calendar "{calendar}" is not imported; the task follows the project calendar',
  },
  mspdi_calendar_extra_hours: {
    'zh-CN': '日历“{calendar}”在 {dates} 的工作时间超出当天的常规时段，超出部分未导入',
    en: 'the calendar "{calendar}" works beyond the usual hours on {dates}; the extra hours are not imported',
  },
  mspdi_calendar_recurring_skipped: {
    'zh-CN': '日历“{calendar}”的周期性例外（{names}）未导入',
    en: 'the recurring exceptions of the calendar "{calendar}" ({names}) are not imported',
  },

  // Problems of one row (the report names the row, the column and the task's code).
  import_required: { 'zh-CN': '不能为空', en: 'must not be empty' },
  import_unknown_field: { 'zh-CN': '不是可导入的字段', en: 'is not a field an import takes' },
  import_not_text: { 'zh-CN': '必须是文字', en: 'must be text' },
  import_too_long: { 'zh-CN': '超过 {max} 个字符', en: 'is longer than {max} characters' },
  import_code_duplicate: {
    'zh-CN': '编号 {code} 重复（第 {rows} 行）',
    en: 'the code {code} is used more than once (rows {rows})',
  },
  import_department_unknown: { 'zh-CN': '没有名为“{value}”的部门', en: 'no department is named "{value}"' },
  import_crew_unknown: { 'zh-CN': '没有名为“{value}”的班组', en: 'no crew is named "{value}"' },
  import_crew_ambiguous: {
    'zh-CN': '有多个名为“{value}”的班组（{contractors}），请填写部门',
    en: 'several crews are named "{value}" ({contractors}); give the department',
  },
  import_crew_other_department: {
    'zh-CN': '班组“{value}”不属于部门“{department}”',
    en: 'the crew "{value}" is not of the department "{department}"',
  },
  import_location_unknown: { 'zh-CN': '没有这个地点：{value}', en: 'no such place: {value}' },
  import_location_ambiguous: {
    'zh-CN': '有多个地点叫 {value}，请同时填写小区和楼栋',
    en: 'several places are called {value}; give the compound and the building',
  },
  import_date_invalid: {
    'zh-CN': '“{value}”不是日期时间（例如 2026-12-04 08:00）',
    en: '"{value}" is not a date and time (e.g. 2026-12-04 08:00)',
  },
  import_duration_invalid: {
    'zh-CN': '“{value}”不是工期（例如 3天、4小时、2d）',
    en: '"{value}" is not a duration (e.g. 3d, 4h)',
  },
  import_lag_invalid: {
    'zh-CN': '“{value}”不是延隔时间（例如 +2d、-4h）',
    en: '"{value}" is not a lag (e.g. +2d, -4h)',
  },
  import_elapsed_refused: {
    'zh-CN': '“{value}”是日历时间，请改用工作时间（天、小时）',
    en: '"{value}" is elapsed time; give working time (d, h)',
  },
  import_percent_refused: {
    'zh-CN': '“{value}”是百分比延隔，请改用工作时间（天、小时）',
    en: '"{value}" is a percentage lag; give working time (d, h)',
  },
  import_finish_before_start: { 'zh-CN': '结束早于开始', en: 'the finish is before the start' },
  import_times_missing: { 'zh-CN': '需要结束时间或工期', en: 'needs a finish or a duration' },
  import_outside_calendar: {
    'zh-CN': '时间不在项目日历的范围内',
    en: 'the time is outside what the project calendar covers',
  },
  import_predecessor_unknown: {
    'zh-CN': '前置任务 {code} 不在表中，也不在项目中',
    en: 'the predecessor {code} is neither in the sheet nor in the project',
  },
  import_predecessor_self: { 'zh-CN': '任务 {code} 不能是自己的前置任务', en: 'the task {code} cannot precede itself' },
  import_link_type_invalid: {
    'zh-CN': '“{value}”不是关系类型（FS、SS、FF、SF）',
    en: '"{value}" is not a link type (FS, SS, FF, SF)',
  },
  import_link_duplicate: {
    'zh-CN': '{predecessor} → {successor} 的关系重复',
    en: 'the link {predecessor} → {successor} is given twice',
  },
  import_cycle: { 'zh-CN': '前置关系形成循环：{path}', en: 'the links form a cycle: {path}' },
  import_status_invalid: { 'zh-CN': '“{value}”不是可识别的值', en: '"{value}" is not a value this column takes' },
  import_mode_invalid: {
    'zh-CN': '“{value}”不是排程方式（自动、手动）',
    en: '"{value}" is not a scheduling mode (automatic, manual)',
  },
  import_interruption_invalid: {
    'zh-CN': '“{value}”不是停用影响（例如 停电 2026-12-04 08:00~2026-12-04 12:00）',
    en: '"{value}" is not a utility cut (e.g. power 2026-12-04 08:00~2026-12-04 12:00)',
  },
  import_materials_invalid: {
    'zh-CN': '物料格式无效（例如 电缆 200米; 接头 4个）',
    en: 'the materials are not readable (e.g. cable 200 m; joint 4)',
  },
  import_too_many_rows: { 'zh-CN': '超过 {limit} 行', en: 'more than {limit} rows' },
  import_constraint_invalid: {
    'zh-CN': '“{value}”不是可用的限制（必须开始于、不得早于…开始、不得晚于…完成）',
    en: '"{value}" is not a constraint the schedule holds (must_start_on, start_no_earlier_than, finish_no_later_than)',
  },
} as const satisfies Messages;
