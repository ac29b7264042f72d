import { MessageKey, Text } from '@worksite/shared-i18n';

/** The columns of a community sheet, by field, with the headers accepted for each. */
export const LOCATION_COLUMNS = {
  compound: { zh: '小区', en: 'compound' },
  building: { zh: '楼号', en: 'building' },
  unit: { zh: '单元', en: 'unit' },
  households: { zh: '户数', en: 'households' },
  address: { zh: '地址', en: 'address' },
} as const;

export type LocationField = keyof typeof LOCATION_COLUMNS;

export const MAX_NAME_LENGTH = 100;
export const MAX_ADDRESS_LENGTH = 200;
export const MAX_HOUSEHOLDS = 1_000_000;
export const MAX_SHEET_ROWS = 20_000;

/** One data row as read from the sheet: its number in the sheet and the text of each cell. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<LocationField, string>>;
}

/** A valid row: the place it names (compound, and building and unit when given) and what it says of it. */
export interface LocationRow {
  row: number;
  compound: string;
  building: string | null;
  unit: string | null;
  households: number | null;
  address: string | null;
}

/** A problem of one row and column, as a catalog message. */
export interface RowProblem {
  row: number;
  field: LocationField | 'sheet';
  message: Text;
}

const text = (key: MessageKey, params: Text['params']): Text => ({ key, params });

/**
 * Which column holds each field, from the header row (Chinese or English headers, any case,
 * surrounding spaces ignored); the compound column is required.
 */
export function columnsOf(header: string[]): {
  columns: Partial<Record<LocationField, number>>;
  problems: RowProblem[];
} {
  const columns: Partial<Record<LocationField, number>> = {};
  header.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    for (const [field, names] of Object.entries(LOCATION_COLUMNS) as [LocationField, { zh: string; en: string }][]) {
      if (columns[field] === undefined && (name === names.zh || name === names.en)) columns[field] = index;
    }
  });
  const problems: RowProblem[] =
    columns.compound === undefined
      ? [{ row: 1, field: 'compound', message: text('sheetMissingColumn', { column: LOCATION_COLUMNS.compound.zh }) }]
      : [];
  return { columns, problems };
}

/** The households of a cell: a whole number from 0 to MAX_HOUSEHOLDS ("120", "120.0", "120户" are not all fine: only digits). */
function households(value: string): number | undefined {
  if (!/^\d+(\.0+)?$/.test(value)) return undefined;
  const count = Number(value);
  return Number.isSafeInteger(count) && count <= MAX_HOUSEHOLDS ? count : undefined;
}

/**
 * Checks every row and reports every problem by row and column: a missing compound, a unit
 * without its building, names and addresses too long, households that are not a count, the
 * same place twice. Empty rows are skipped.
 */
export function validateRows(rows: SheetRow[]): { valid: LocationRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const valid: LocationRow[] = [];
  const seen = new Map<string, number>();
  const filled = rows.filter((row) => Object.values(row.cells).some((cell) => cell && cell.trim()));
  if (filled.length === 0) problems.push({ row: 1, field: 'sheet', message: text('sheetNoRows', {}) });
  if (filled.length > MAX_SHEET_ROWS) {
    problems.push({ row: 1, field: 'sheet', message: text('sheetTooManyRows', { max: MAX_SHEET_ROWS }) });
    return { valid, problems };
  }
  for (const { row, cells } of filled) {
    const before = problems.length;
    const value = (field: LocationField) => (cells[field] ?? '').trim();
    const column = (field: LocationField) => LOCATION_COLUMNS[field].zh;
    const name = (field: 'compound' | 'building' | 'unit') => {
      const cell = value(field);
      if (cell.length > MAX_NAME_LENGTH) {
        problems.push({
          row,
          field,
          message: text('sheetTooLong', { row, column: column(field), max: MAX_NAME_LENGTH }),
        });
      }
      return cell || null;
    };
    const compound = name('compound');
    const building = name('building');
    const unit = name('unit');
    if (!compound)
      problems.push({ row, field: 'compound', message: text('sheetRequired', { row, column: column('compound') }) });
    if (unit && !building)
      problems.push({ row, field: 'building', message: text('sheetUnitWithoutBuilding', { row }) });
    const count = value('households');
    const parsed = count ? households(count) : null;
    if (parsed === undefined) {
      problems.push({
        row,
        field: 'households',
        message: text('sheetNotCount', { row, column: column('households'), max: MAX_HOUSEHOLDS, value: count }),
      });
    }
    const address = value('address');
    if (address.length > MAX_ADDRESS_LENGTH) {
      problems.push({
        row,
        field: 'address',
        message: text('sheetTooLong', { row, column: column('address'), max: MAX_ADDRESS_LENGTH }),
      });
    }
    if (compound) {
      const key = JSON.stringify([compound, building, unit]);
      const first = seen.get(key);
      if (first !== undefined) {
        const place = [compound, building, unit].filter(Boolean).join(' ');
        problems.push({
          row,
          field: unit ? 'unit' : building ? 'building' : 'compound',
          message: text('sheetDuplicate', { row, first, name: place }),
        });
      } else seen.set(key, row);
    }
    if (problems.length === before && compound) {
      valid.push({ row, compound, building, unit, households: parsed ?? null, address: address || null });
    }
  }
  return { valid, problems };
}
