import { PpcReportDto, VARIANCE_REASON_NAMES, weekDates, weekState } from '@worksite/shared-make-ready';
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

/** What the 说明 column says of a week on `today`: the week under way is a figure so far. */
const WEEK_NOTES = { ahead: '未开始', running: '进行中：未到期的承诺暂按未完成计', over: '' } as const;

/**
 * The PPC report as a workbook with Chinese headers: 周PPC (week, committed, done, PPC, TMR, a
 * note on the week under way), 部门 and 班组 (PPC over the weeks that are over, named in the first
 * header), 未完成原因 (the Pareto: count, share, cumulative share). Percentages are numbers (one
 * decimal), empty where nothing was committed. `today` is the project's local date.
 */
export async function ppcWorkbook(report: PpcReportDto, names: PpcNames, today: string): Promise<Buffer> {
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
    [
      { header: '周（周一）', width: 14 },
      ...counts,
      { header: 'TMR（%）', width: 10, percent: true },
      { header: '说明', width: 34 },
    ],
    report.weeks.map((w) => [w.weekStart, w.committed, w.done, w.ppc, w.tmr, WEEK_NOTES[weekState(w.weekStart, today)]]),
  );
  const over = report.groupWeeks;
  const groupHeader = (what: string) =>
    over ? `${what}（已结束的周：${over.from} 至 ${weekDates(over.to)[6]}）` : `${what}（范围内还没有已结束的周）`;
  addSheet(
    book,
    '部门',
    [{ header: groupHeader('部门'), width: 44 }, ...counts],
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
    [{ header: groupHeader('班组'), width: 44 }, ...counts],
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
