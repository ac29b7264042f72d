import type { CellValue as ExcelValue } from 'exceljs';
import { CellValue, wallClockOfUtcFields } from '@worksite/import-domain';

/**
 * A cell's value as the import reads it: text, a number (dates stay Excel serials only when
 * the cell is a number), a Date for date cells; formulas give their result, rich text and
 * hyperlinks their text.
 */
export function plainValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('result' in value) return plainValue(value.result as ExcelValue);
    if ('text' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelValue);
    if ('error' in value) return null;
  }
  return null;
}

/** A cell as text for the preview (date cells as "2026-12-04 08:00", their wall clock). */
export function previewText(value: ExcelValue): string {
  const plain = plainValue(value);
  if (plain instanceof Date) {
    const clock = wallClockOfUtcFields(plain);
    return clock.time === '00:00' ? clock.date : `${clock.date} ${clock.time}`;
  }
  return plain === null || plain === undefined ? '' : String(plain);
}
