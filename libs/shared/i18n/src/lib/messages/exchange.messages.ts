import { Messages } from './messages.type';

/** Messages of calendar feeds, exports and sheet imports (and their row problems). */
export const EXCHANGE_MESSAGES = {
  feed_not_found: {
    'zh-CN': '没有这个日历订阅，或它已被停用或更换。',
    en: 'There is no such calendar feed, or it was revoked or replaced.',
  },
  feed_agency_only: {
    'zh-CN': '个人日历订阅只提供给行业部门用户；班组的日历请在班组页面订阅。',
    en: "Personal calendar feeds are for agency users; a crew's calendar is subscribed on the crew page.",
  },
  feed_crew_managers_only: {
    'zh-CN': '只有班组负责人、班组参与项目的协调员和管理员可以管理班组的日历订阅。',
    en: "A crew's calendar feed is managed by its lead, the coordinators of its projects and admins.",
  },
  spreadsheet_expected: {
    'zh-CN':
      '请上传 Excel 文件（.xlsx，Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）。',
    en: 'Upload an Excel file (.xlsx, Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).',
  },
  spreadsheet_unreadable: {
    'zh-CN': '无法读取该文件：它不是有效的 .xlsx 表格。',
    en: 'The file cannot be read: it is not a valid .xlsx workbook.',
  },
  import_invalid: {
    'zh-CN': '表格中有 {count} 处问题，未写入任何数据。请修改后重新导入。',
    en: 'The sheet has {count} problems; nothing was written. Correct them and import again.',
  },
  import_locations_forbidden: {
    'zh-CN': '只有管理员和协调员可以导入小区、楼栋和单元。',
    en: 'Only admins and coordinators import compounds, buildings and units.',
  },

  // Problems of one row and column of a sheet ({row} as numbered in the sheet, {column} its header).
  sheetMissingColumn: { 'zh-CN': '表头缺少“{column}”列', en: 'the header has no "{column}" column' },
  sheetNoRows: { 'zh-CN': '表格中没有数据行', en: 'the sheet has no data rows' },
  sheetTooManyRows: { 'zh-CN': '表格最多 {max} 行', en: 'at most {max} rows' },
  sheetRequired: { 'zh-CN': '第 {row} 行：“{column}”不能为空', en: 'row {row}: "{column}" is required' },
  sheetTooLong: {
    'zh-CN': '第 {row} 行：“{column}”最长 {max} 个字符',
    en: 'row {row}: "{column}" has at most {max} characters',
  },
  sheetNotCount: {
    'zh-CN': '第 {row} 行：“{column}”必须是 0 到 {max} 之间的整数（现为“{value}”）',
    en: 'row {row}: "{column}" must be a whole number from 0 to {max} (not "{value}")',
  },
  sheetUnitWithoutBuilding: {
    'zh-CN': '第 {row} 行：填写了单元就必须填写楼号',
    en: 'row {row}: a unit needs its building',
  },
  sheetDuplicate: {
    'zh-CN': '第 {row} 行：与第 {first} 行重复（{name}）',
    en: 'row {row}: the same place as row {first} ({name})',
  },
  sheetNameTaken: {
    'zh-CN': '第 {row} 行：“{name}”已是一个{kind}的名称，不能再作为{wanted}',
    en: 'row {row}: "{name}" is already the name of a {kind}; it cannot also be a {wanted}',
  },
} as const satisfies Messages;
