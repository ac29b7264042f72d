import { PpcReportDto, VARIANCE_REASON_NAMES } from '@worksite/shared-make-ready';
import { Workbook, Worksheet } from 'exceljs';

interface Column {
  header: string;
  /** Width in characters (a CJK character counts about two). */
  width: number;
  percent?: boolean;
}

/** A sheet in the house style: bold tinted header row, frozen, with a filter, column widths. */
function addSheet(book: Workbook, name: string, columns: Column[], rows: (string | number | null)[][]): Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.percent ? { numFmt: '0.0' } : {} }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

/** Names of the departments and crews the report refers to. */
export interface PpcNames {
  projectName: string;
  departments: Map<string, string>;
  crews: Map<string, string>;
}

/**
 * The PPC report as a workbook with Chinese headers: 周PPC (week, committed, done, PPC, TMR),
 * 部门 and 班组 (PPC over the range), 未完成原因 (the Pareto: count, share, cumulative share).
 * Percentages are numbers (one decimal), empty where nothing was committed.
 */
export async function ppcWorkbook(report: PpcReportDto, names: PpcNames): Promise<Buffer> {
  const book = new Workbook();
  book.creator = 'Worksite';
  book.title = `${names.projectName} PPC ${report.from}…${report.to}`;
  const counts: Column[] = [
    { header: '承诺任务数', width: 12 },
    { header: '按计划完成数', width: 14 },
    { header: 'PPC（%）', width: 10, percent: true },
  ];
  addSheet(
    book,
    '周PPC',
    [{ header: '周（周一）', width: 14 }, ...counts, { header: 'TMR（%）', width: 10, percent: true }],
    report.weeks.map((w) => [w.weekStart, w.committed, w.done, w.ppc, w.tmr]),
  );
  addSheet(
    book,
    '部门',
    [{ header: '部门', width: 28 }, ...counts],
    report.byDepartment.map((d) => [
      names.departments.get(d.departmentId) ?? d.departmentId,
      d.committed,
      d.done,
      d.ppc,
    ]),
  );
  addSheet(
    book,
    '班组',
    [{ header: '班组', width: 28 }, ...counts],
    report.byCrew.map((c) => [
      c.crewId ? (names.crews.get(c.crewId) ?? c.crewId) : '（未指派）',
      c.committed,
      c.done,
      c.ppc,
    ]),
  );
  const total = report.pareto.reduce((n, r) => n + r.count, 0);
  let cumulative = 0;
  addSheet(
    book,
    '未完成原因',
    [
      { header: '原因', width: 16 },
      { header: '次数', width: 8 },
      { header: '占比（%）', width: 10, percent: true },
      { header: '累计占比（%）', width: 14, percent: true },
    ],
    report.pareto.map((r) => {
      cumulative += r.count;
      const share = (n: number) => Math.round((n / total) * 1000) / 10;
      return [VARIANCE_REASON_NAMES[r.reason]['zh-CN'], r.count, share(r.count), share(cumulative)];
    }),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
