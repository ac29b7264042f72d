import type { Workbook } from 'exceljs';
import { ScheduledTaskDto } from '@worksite/shared-domain';
import { LayoutLine } from '@worksite/web-gantt-ui';
import { CellContext, cellText, PlacedColumn } from './table-columns';

/** One sheet row of the export: a group header or a task. */
export type ExportLine = { kind: 'group'; label: string } | { kind: 'task'; task: ScheduledTaskDto };

/** The lines as the table shows them (collapsed groups without their rows). */
export function exportLines(
  lines: readonly LayoutLine[],
  taskById: ReadonlyMap<string, ScheduledTaskDto>,
): ExportLine[] {
  const out: ExportLine[] = [];
  for (const line of lines) {
    if (line.kind === 'group') out.push({ kind: 'group', label: line.group.label });
    else {
      const task = taskById.get(line.row.id);
      if (task) out.push({ kind: 'task', task });
    }
  }
  return out;
}

/** A cell's value in the sheet: numbers stay numbers (code, progress), dates in full. */
export function exportValue(task: ScheduledTaskDto, column: PlacedColumn, ctx: CellContext): string | number {
  if (column.id === 'code') return task.code;
  if (column.id === 'progress') return task.progress / 100;
  return cellText(task, column.id, ctx, true);
}

/**
 * Fills a workbook with the table as shown: the visible columns (headers in the user's
 * language, widths from the table), group rows in bold, the header row frozen.
 */
export function fillWorkbook(
  workbook: Workbook,
  sheetName: string,
  columns: readonly PlacedColumn[],
  headers: readonly string[],
  lines: readonly ExportLine[],
  ctx: CellContext,
): void {
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = columns.map((column, i) => ({
    header: headers[i],
    key: column.id,
    // Excel's width is in characters (about 7 px each); CJK titles need a little more.
    width: Math.max(6, Math.round(column.width / 7)),
    style: column.id === 'progress' ? { numFmt: '0%' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const line of lines) {
    if (line.kind === 'group') {
      const row = sheet.addRow([line.label]);
      row.font = { bold: true };
      row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } };
    } else {
      sheet.addRow(columns.map((column) => exportValue(line.task, column, ctx)));
    }
  }
}
