import {
  IMPORT_FIELDS,
  IMPORT_HEADERS,
  ImportField,
  INTERRUPTION_LABELS,
  labelsOf,
  STATUS_LABELS,
} from '@worksite/import-domain';
import { Locale } from '@worksite/shared-i18n';
import { DataValidation, Workbook, Worksheet } from 'exceljs';

/** Rows of the template that get the drop-down lists. */
export const TEMPLATE_ROWS = 1_000;

const WIDTHS: Partial<Record<ImportField, number>> = {
  code: 8,
  title: 28,
  department: 20,
  crew: 16,
  start: 18,
  finish: 18,
  duration: 8,
  predecessors: 16,
  materials: 24,
  tools: 18,
  safetyNotes: 24,
  interruption: 34,
};

/** Example rows (one finish-to-start chain) so the template shows every notation once. */
const EXAMPLES: Partial<Record<ImportField, string>>[] = [
  {
    code: '1',
    title: '电缆沟开挖',
    compound: '和平新村',
    building: '3',
    start: '2026-12-04 08:00',
    duration: '2天',
    materials: '警示带 50米',
    tools: '挖掘机, 破碎锤',
    safetyNotes: '夜间设警示灯',
  },
  {
    code: '2',
    title: '电缆敷设',
    predecessors: '1FS+1d',
    duration: '4小时',
    interruption: '停电 2026-12-08 08:00~2026-12-08 12:00',
  },
];

/**
 * The import template: a sheet with the columns in the request's language, frozen header,
 * widths, two example rows, and drop-down lists (data validation) for departments, crews and
 * statuses read from a hidden sheet of lists (a list longer than 255 characters must live in
 * cells).
 */
export async function buildTemplate(
  locale: Locale,
  lists: { departments: string[]; crews: string[] },
): Promise<Buffer> {
  const english = locale === 'en';
  const workbook = new Workbook();
  workbook.creator = 'Worksite';
  const sheet = workbook.addWorksheet(english ? 'Tasks' : '任务', { views: [{ state: 'frozen', ySplit: 1 }] });
  const listSheet = workbook.addWorksheet(english ? 'Lists' : '选项', { state: 'hidden' });
  sheet.columns = IMPORT_FIELDS.map((field) => ({
    header: IMPORT_HEADERS[field][locale],
    key: field,
    width: WIDTHS[field] ?? 12,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const example of EXAMPLES) sheet.addRow(example);

  const columns: [ImportField, string[]][] = [
    ['department', lists.departments],
    ['crew', lists.crews],
    ['status', labelsOf(STATUS_LABELS, english)],
    ['interruption', []],
  ];
  columns.forEach(([field, values], index) => {
    if (values.length === 0) return;
    const letter = String.fromCharCode(65 + index);
    values.forEach((value, row) => (listSheet.getCell(row + 1, index + 1).value = value));
    const column = IMPORT_FIELDS.indexOf(field) + 1;
    const formula = `'${listSheet.name}'!$${letter}$1:$${letter}$${values.length}`;
    const validations = (sheet as unknown as { dataValidations: { add(address: string, v: DataValidation): void } })
      .dataValidations;
    for (let row = 2; row <= TEMPLATE_ROWS + 1; row++) {
      validations.add(sheet.getCell(row, column).address, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: field === 'status',
      });
    }
  });
  // Utility cuts: the kinds a cell may start with, as a note on the header.
  sheet.getCell(1, IMPORT_FIELDS.indexOf('interruption') + 1).note = labelsOf(INTERRUPTION_LABELS, english).join(', ');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
