import { ImportField } from '@worksite/import-domain';
import { Workbook, Worksheet } from 'exceljs';
import { RenderedProblem } from '../import-report';

/**
 * The workbook as it was sent, with a comment on each bad cell (the messages of its problems)
 * and the cell filled light red: what the coordinator downloads to fix the sheet. Problems of
 * a row without a column of their own (a cycle, a missing value of an unmapped field) go on the
 * row's first cell.
 */
export async function annotateWorkbook(
  workbook: Workbook,
  sheet: Worksheet,
  columnOf: Partial<Record<ImportField, number>>,
  problems: readonly RenderedProblem[],
): Promise<Buffer> {
  const byCell = new Map<string, { row: number; column: number; messages: string[] }>();
  for (const problem of problems) {
    if (problem.row < 2) continue;
    const column = columnOf[problem.field as ImportField] ?? 1;
    const key = `${problem.row}:${column}`;
    const entry = byCell.get(key) ?? { row: problem.row, column, messages: [] };
    entry.messages.push(
      column === columnOf[problem.field as ImportField] ? problem.message : `${problem.column}: ${problem.message}`,
    );
    byCell.set(key, entry);
  }
  for (const { row, column, messages } of byCell.values()) {
    const cell = sheet.getCell(row, column);
    cell.note = messages.join('\n');
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFD7D5' } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
