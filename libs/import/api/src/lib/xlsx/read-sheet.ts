import { guessColumnMapping, IMPORT_FIELDS, ImportField, ImportTaskRow } from '@worksite/import-domain';
import { Buffer as ExcelBuffer, Row, Workbook, Worksheet } from 'exceljs';
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
  const reader = new TaskRowReader(given);
  sheet.eachRow({ includeEmpty: false }, (row, number) => reader.add(row, number));
  return reader.result(sheet.name);
}

/**
 * The import rows of a workbook file, the workbook itself left to the garbage collector: an
 * import of 10,000 rows held ~150 MB of exceljs cell objects for its whole run. (exceljs's
 * streaming WorkbookReader would not build them at all, but it splits UTF-8 characters at
 * chunk boundaries — "第" came out as "��" in a 10,000-row Chinese sheet — so it is not used.)
 */
export async function readTaskRowsOf(data: Buffer, given?: Record<string, string>): Promise<ReadSheet> {
  return readTaskRows(taskSheet(await loadWorkbook(data)), given);
}

/** Rows of one sheet, one at a time: row 1 gives the headers (and the mapping), the others import rows. */
class TaskRowReader {
  private headers: string[] = [];
  private mapping: Record<string, ImportField> = {};
  private columnOf: Partial<Record<ImportField, number>> = {};
  private fields: [ImportField, number][] | null = null;
  private readonly rows: ImportTaskRow[] = [];

  constructor(private readonly given?: Record<string, string>) {}

  add(row: Row, number: number): void {
    if (number === 1) {
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        this.headers[column - 1] = String(plainValue(cell.value) ?? '').trim();
      });
      return;
    }
    const fields = this.fields ?? this.settle();
    const item: ImportTaskRow = { row: number };
    let filled = false;
    for (const [field, column] of fields) {
      const value = plainValue(row.getCell(column).value);
      if (value === null || value === '') continue;
      (item as Record<string, unknown>)[field] = value;
      filled = true;
    }
    if (filled) this.rows.push(item);
  }

  result(sheetName: string): ReadSheet {
    if (!this.fields) this.settle();
    return {
      sheetName,
      headers: this.headers,
      mapping: this.mapping,
      columnOf: this.columnOf,
      rows: this.rows,
    };
  }

  /** The mapping, once the headers are known (an error when the code or the title has no column). */
  private settle(): [ImportField, number][] {
    const headers = this.headers;
    if (this.given) {
      for (const [header, field] of Object.entries(this.given)) {
        if (!headers.includes(header)) throw new SheetError(`the sheet has no column "${header}"`);
        if (!(IMPORT_FIELDS as readonly string[]).includes(field)) throw new SheetError(`"${field}" is not a field`);
        this.mapping[header] = field as ImportField;
      }
    } else Object.assign(this.mapping, guessColumnMapping(headers.filter(Boolean)));
    headers.forEach((header, index) => {
      const field = this.mapping[header];
      if (field && this.columnOf[field] === undefined) this.columnOf[field] = index + 1;
    });
    if (this.columnOf.code === undefined || this.columnOf.title === undefined) throw new SheetError('no-code-or-title');
    this.fields = Object.entries(this.columnOf) as [ImportField, number][];
    return this.fields;
  }
}
