import { stream } from 'exceljs';
import { PassThrough } from 'node:stream';

/** The languages of sheet headers: Chinese by default, English with Accept-Language en. */
export type SheetLanguage = 'zh-CN' | 'en';

/** A cell value: text, a number, a local date-time "YYYY-MM-DD HH:mm", or nothing. */
export type SheetValue = string | number | null;

export interface SheetColumn<R> {
  header: Record<SheetLanguage, string>;
  /** Width in characters (a CJK character counts about two). */
  width: number;
  /** datetime: a local wall-clock time "YYYY-MM-DD HH:mm", written as an Excel date. */
  kind?: 'text' | 'number' | 'datetime';
  value: (row: R) => SheetValue;
}

export interface SheetSpec<R> {
  name: string;
  columns: SheetColumn<R>[];
  rows: R[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
/** What Excel needs to read a CSV file as UTF-8 (Chinese would be garbled without it). */
export const UTF8_BOM = '\uFEFF';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/**
 * A local wall-clock time as the Date Excel shows with those digits: Excel dates have no
 * zone, and exceljs writes a Date's UTC fields.
 */
function excelDate(value: string): Date | string {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return value;
  const [, y, mo, d, h, mi] = match.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi));
}

/**
 * One sheet as .xlsx: bold header row frozen with a filter, column widths, dates as Excel
 * dates. Written with exceljs' streaming writer (rows committed as they are added), which
 * keeps 10,000-task exports fast and small in memory.
 */
export async function toXlsx<R>(spec: SheetSpec<R>, language: SheetLanguage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Worksite';
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = spec.columns.map((column) => ({
    header: column.header[language],
    width: column.width,
    style: column.kind === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.commit();
  for (const row of spec.rows) {
    sheet
      .addRow(
        spec.columns.map((column) => {
          const value = column.value(row);
          if (value === '') return null; // an empty cell, not an empty string
          return column.kind === 'datetime' && typeof value === 'string' ? excelDate(value) : value;
        }),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(value: SheetValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading =, +, - or @ would make a spreadsheet evaluate the text as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One sheet as CSV: UTF-8 with a BOM (Excel then reads Chinese right), CRLF line ends. */
export function toCsv<R>(spec: SheetSpec<R>, language: SheetLanguage): string {
  const lines = [
    spec.columns.map((column) => csvField(column.header[language])).join(','),
    ...spec.rows.map((row) => spec.columns.map((column) => csvField(column.value(row))).join(',')),
  ];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
