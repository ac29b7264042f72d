import { guessColumnMapping, IMPORT_FIELDS, ImportField, ImportTaskRow } from '@worksite/import-domain';
import { Buffer as ExcelBuffer, Workbook, Worksheet } from 'exceljs';
import { plainValue } from './sheet-cells';

/** A sheet read for import: its headers, the mapping used, and one row object per data row. */
export interface ReadSheet {
  sheetName: string;
  headers: string[];
  /** Sheet header → field. */
  mapping: Record<string, ImportField>;
  /** Field → 1-based column number. */
  columnOf: Partial<Record<ImportField, number>>;
  rows: ImportTaskRow[];
}

export class SheetError extends Error {}

/** Loads a workbook, refusing what is not one with a short reason. */
export async function loadWorkbook(data: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelBuffer);
  } catch (error) {
    throw new SheetError(`not an .xlsx workbook (${(error as Error).message.slice(0, 120)})`);
  }
  return workbook;
}

/** The sheet that holds the tasks: the first visible one with a header row. */
export function taskSheet(workbook: Workbook): Worksheet {
  const sheet = workbook.worksheets.find((candidate) => candidate.state !== 'hidden' && candidate.actualRowCount > 0);
  if (!sheet) throw new SheetError('the workbook has no sheet with rows');
  return sheet;
}

/**
 * The rows of the task sheet as import rows, by the header → field mapping (guessed from the
 * headers when none is given). Empty rows are skipped; `row` is the sheet's row number.
 */
export function readTaskRows(sheet: Worksheet, given?: Record<string, string>): ReadSheet {
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    headers[column - 1] = String(plainValue(cell.value) ?? '').trim();
  });
  const mapping: Record<string, ImportField> = {};
  if (given) {
    for (const [header, field] of Object.entries(given)) {
      if (!headers.includes(header)) throw new SheetError(`the sheet has no column "${header}"`);
      if (!(IMPORT_FIELDS as readonly string[]).includes(field)) throw new SheetError(`"${field}" is not a field`);
      mapping[header] = field as ImportField;
    }
  } else Object.assign(mapping, guessColumnMapping(headers.filter(Boolean)));
  const columnOf: Partial<Record<ImportField, number>> = {};
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (field && columnOf[field] === undefined) columnOf[field] = index + 1;
  });
  if (columnOf.code === undefined || columnOf.title === undefined) throw new SheetError('no-code-or-title');
  const fields = Object.entries(columnOf) as [ImportField, number][];
  const rows: ImportTaskRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const item: ImportTaskRow = { row: number };
    let filled = false;
    for (const [field, column] of fields) {
      const value = plainValue(row.getCell(column).value);
      if (value === null || value === '') continue;
      (item as Record<string, unknown>)[field] = value;
      filled = true;
    }
    if (filled) rows.push(item);
  });
  return { sheetName: sheet.name, headers, mapping, columnOf, rows };
}
