import { fitText, PAPER, Paper, PdfDocument, PdfPage } from '@worksite/server-pdf';
import { CalendarSpecDto, DependencyDto, GANTT_LEGEND, ProjectDto, ScheduledTaskDto } from '@worksite/shared-domain';
import { addDays, dayRange, weekdayOf } from '@worksite/shared-util-time';
import { drawLegend } from '../legend/legend-pdf';
import { ReportLabels } from '../report-labels';
import { dateTimeLabel, monthDay } from '../report-time';

export interface GanttPdfInput {
  project: ProjectDto;
  calendar: CalendarSpecDto;
  /** The rows, in the order printed. */
  tasks: ScheduledTaskDto[];
  dependencies: DependencyDto[];
  /** Tasks with an open clash or a violation: marked "!". */
  flagged: ReadonlySet<string>;
  /** Colour per department id. */
  colours: ReadonlyMap<string, string>;
  /** First and last local date printed. */
  from: string;
  to: string;
  paper: Paper;
  printedAt: Date;
  labels: ReportLabels;
  /** A baseline drawn under the bars: its name and, per task, its dates and finish slip (working days). */
  baseline?: PrintedBaseline;
}

export interface PrintedBaseline {
  name: string;
  tasks: ReadonlyMap<string, { start: number; finish: number; slipDays: number | null }>;
}

const MARGIN = 24;
const ROW = 15;
const HEADER = 64;
const SCALE = 26;
const FOOTER = 22;
const TITLE_WIDTH = 168;
const CODE_WIDTH = 26;
const DATE_WIDTH = 46;
const TABLE = TITLE_WIDTH + 2 * DATE_WIDTH;
const GRID = '#e3e6ea';
const MUTED = '#5b636e';
const CRITICAL = '#d9480f';
const DANGER = '#d92d20';
const LINK = '#7a8391';
const BASELINE = GANTT_LEGEND.find((entry) => entry.key === 'baseline')?.colour ?? '#adb5bd';

/** Page geometry for a paper in landscape: how many rows fit under the header and legend. */
export function ganttPageGeometry(paper: Paper): { width: number; height: number; rowsPerPage: number } {
  const { width, height } = { width: PAPER[paper].height, height: PAPER[paper].width };
  const rowsPerPage = Math.floor((height - MARGIN - HEADER - SCALE - FOOTER - MARGIN) / ROW);
  return { width, height, rowsPerPage };
}

/** Mixes a '#rrggbb' colour with white (amount 0: white, 1: the colour). */
export function tint(colour: string, amount: number): `#${string}` {
  const value = /^#[0-9a-f]{6}$/i.test(colour) ? parseInt(colour.slice(1), 16) : 0x4c6ef5;
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return `#${channels
    .map((c) =>
      Math.round(255 - (255 - c) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Whether a local date has no working time in the calendar (weekends, holidays), and whether it is a holiday. */
function dayKind(calendar: CalendarSpecDto, date: string): 'work' | 'off' | 'holiday' {
  if (calendar.holidays.includes(date)) return 'holiday';
  if (calendar.makeUpWorkdays.includes(date)) return 'work';
  return (calendar.weekly[weekdayOf(date)] ?? []).length ? 'work' : 'off';
}

/**
 * The Gantt of the chosen rows over the chosen local dates on landscape pages: the dates fill the
 * width, the rows run over as many pages as they need. Every page has the project's name, the
 * range and print date, the legend, the time scale, and "第 n / m 页".
 */
export function renderGanttPdf(input: GanttPdfInput): Promise<Buffer> {
  const { project } = input;
  const labels = input.baseline
    ? {
        ...input.labels,
        legend: { ...input.labels.legend, baseline: input.labels.baselineNamed(input.baseline.name) },
      }
    : input.labels;
  const zone = input.calendar.timeZone || project.timeZone;
  const { width, height, rowsPerPage } = ganttPageGeometry(input.paper);
  const doc = new PdfDocument({ title: `${project.name} — ${labels.gantt}`, created: input.printedAt });
  const start = dayRange(input.from, zone).start.getTime();
  const end = dayRange(input.to, zone).end.getTime();
  const chartX = MARGIN + TABLE;
  const chartWidth = width - MARGIN - chartX;
  const xOf = (instant: number) =>
    chartX + ((Math.min(Math.max(instant, start), end) - start) / (end - start)) * chartWidth;
  const days: { date: string; x: number; kind: 'work' | 'off' | 'holiday' }[] = [];
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    days.push({ date, x: xOf(dayRange(date, zone).start.getTime()), kind: dayKind(input.calendar, date) });
  }
  const pageCount = Math.max(1, Math.ceil(input.tasks.length / rowsPerPage));
  const rowOf = new Map(input.tasks.map((task, index) => [task.id, index]));
  const rowsTop = MARGIN + HEADER + SCALE;

  for (let pageIndex = 0; pageIndex < pageCount; pageIndex++) {
    const page = doc.addPage(width, height);
    const rows = input.tasks.slice(pageIndex * rowsPerPage, (pageIndex + 1) * rowsPerPage);
    const bottom = rowsTop + rowsPerPage * ROW;
    // Header: title, the range and print date, the legend.
    page.text(MARGIN, MARGIN + 14, project.name, { size: 15 });
    page.text(
      MARGIN,
      MARGIN + 30,
      `${project.code} | ${labels.range} ${input.from} – ${input.to} | ${labels.tasks} ${input.tasks.length} | ` +
        `${labels.printedAt} ${dateTimeLabel(input.printedAt, zone)}`,
      { size: 8, colour: MUTED },
    );
    drawLegend(page, MARGIN, MARGIN + 40, width - 2 * MARGIN, labels);
    drawScale(page, days, chartX, chartWidth, MARGIN + HEADER, bottom);
    // Today's line, when today is in the range.
    const now = input.printedAt.getTime();
    if (now >= start && now <= end) page.line([xOf(now), MARGIN + HEADER, xOf(now), bottom], '#e03131', 1);
    // Table head.
    const headTop = MARGIN + HEADER + SCALE - 6;
    page.text(MARGIN + 2, headTop, '#', { size: 8, colour: MUTED });
    page.text(MARGIN + CODE_WIDTH, headTop, labels.task, { size: 8, colour: MUTED });
    page.text(MARGIN + TITLE_WIDTH + 2, headTop, labels.start, { size: 8, colour: MUTED });
    page.text(MARGIN + TITLE_WIDTH + DATE_WIDTH + 2, headTop, labels.finish, { size: 8, colour: MUTED });
    page.line([MARGIN, rowsTop, width - MARGIN, rowsTop], '#c8ccd2', 0.75);
    rows.forEach((task, i) => drawRow(page, input, task, rowsTop + i * ROW, xOf, { start, end, zone }));
    drawLinks(page, input, rowOf, pageIndex * rowsPerPage, rows.length, rowsTop, xOf);
    page.line([chartX, MARGIN + HEADER, chartX, bottom], '#c8ccd2', 0.75);
    if (!input.tasks.length) page.text(chartX + 8, rowsTop + ROW, labels.noTasks, { size: 9, colour: MUTED });
    // Footer.
    page.line([MARGIN, height - MARGIN - 12, width - MARGIN, height - MARGIN - 12], GRID, 0.5);
    page.text(MARGIN, height - MARGIN, fitText(project.name, width / 2, 8), { size: 8, colour: MUTED });
    page.text(width - MARGIN, height - MARGIN, labels.pageOf(pageIndex + 1, pageCount), {
      size: 8,
      colour: MUTED,
      align: 'right',
    });
  }
  return doc.toBuffer();
}

/** Shaded non-working days and holidays, day or month grid lines and their labels. */
function drawScale(
  page: PdfPage,
  days: { date: string; x: number; kind: 'work' | 'off' | 'holiday' }[],
  chartX: number,
  chartWidth: number,
  top: number,
  bottom: number,
): void {
  const dayWidth = chartWidth / Math.max(1, days.length);
  for (const day of days) {
    if (day.kind !== 'work')
      page.rect(day.x, top + SCALE, dayWidth, bottom - top - SCALE, day.kind === 'holiday' ? '#fdecc8' : '#eef0f3');
  }
  // Label every n-th day so labels keep about 16 pt apart; months on the upper tier.
  const every = [1, 2, 7, 14].find((n) => n * dayWidth >= 16) ?? 0;
  days.forEach((day, index) => {
    const monthStart = index === 0 || day.date.endsWith('-01');
    if (monthStart) {
      page.line([day.x, top, day.x, bottom], '#c8ccd2', 0.5);
      page.text(day.x + 2, top + 9, day.date.slice(0, 7), { size: 7.5, colour: MUTED });
    }
    if (every && index % every === 0) {
      if (!monthStart) page.line([day.x, top + 12, day.x, bottom], GRID, 0.3);
      page.text(day.x + 1.5, top + 21, String(Number(day.date.slice(8))), { size: 6.5, colour: MUTED });
    }
  });
  page.line([chartX, top + 12, chartX + chartWidth, top + 12], GRID, 0.5);
}

function drawRow(
  page: PdfPage,
  input: GanttPdfInput,
  task: ScheduledTaskDto,
  top: number,
  xOf: (instant: number) => number,
  range: { start: number; end: number; zone: string },
): void {
  const zone = range.zone;
  const baseline = top + ROW - 4;
  page.line([MARGIN, top + ROW, page.width - MARGIN, top + ROW], GRID, 0.3);
  page.text(MARGIN + 2, baseline, String(task.code ?? ''), { size: 7.5, colour: MUTED });
  page.text(MARGIN + CODE_WIDTH, baseline, fitText(task.title, TITLE_WIDTH - CODE_WIDTH - 4, 8), { size: 8 });
  page.text(MARGIN + TITLE_WIDTH + 2, baseline, monthDay(task.plannedStart, zone), { size: 7.5 });
  page.text(MARGIN + TITLE_WIDTH + DATE_WIDTH + 2, baseline, monthDay(task.plannedFinish, zone), { size: 7.5 });
  const startAt = Date.parse(task.plannedStart);
  const finishAt = Date.parse(task.plannedFinish);
  const x0 = xOf(startAt);
  const x1 = xOf(finishAt);
  const barTop = top + 3;
  const barHeight = ROW - 6;
  const colour = task.critical ? CRITICAL : tint(input.colours.get(task.departmentId) ?? '#4c6ef5', 1);
  const planned = input.baseline?.tasks.get(task.id);
  if (planned) drawBaseline(page, planned, top, xOf, range, x1 + (input.flagged.has(task.id) ? 10 : 3));
  if (finishAt < range.start || startAt > range.end) return;
  if (startAt === finishAt) {
    // A milestone: a diamond.
    const mid = barTop + barHeight / 2;
    page.polygon([x0, barTop, x0 + 4.5, mid, x0, barTop + barHeight, x0 - 4.5, mid], colour);
    return;
  }
  const w = Math.max(1.5, x1 - x0);
  page.rect(x0, barTop, w, barHeight, tint(colour, task.critical ? 0.45 : 0.35));
  if (task.status === 'done') {
    for (let x = x0 + 3; x < x0 + w; x += 4)
      page.line([x, barTop + barHeight, Math.min(x + 3, x0 + w), barTop], '#ffffff', 0.8);
  } else if (task.progress > 0) {
    page.rect(x0, barTop, (w * Math.min(100, task.progress)) / 100, barHeight, tint(colour, 0.7));
  }
  page.strokeRect(
    x0,
    barTop,
    w,
    barHeight,
    colour,
    task.critical ? 1.4 : 0.6,
    task.status === 'cancelled' ? [2, 1.5] : undefined,
  );
  if (task.scheduledAs === 'manual' || task.schedulingMode === 'manual') {
    page.polygon([x0, barTop, x0 + 4, barTop, x0, barTop + 4], '#1b1f24');
  }
  if (input.flagged.has(task.id)) {
    const cx = x0 + w + 5;
    page.polygon([cx, barTop - 1, cx + 4, barTop + barHeight + 1, cx - 4, barTop + barHeight + 1], DANGER);
    page.text(cx, barTop + barHeight - 0.5, '!', { size: 6, colour: '#ffffff', align: 'center' });
  }
}

/** A task's baseline: a thin grey bar under its row's bar, and its finish slip after the bar ("+1.5"). */
function drawBaseline(
  page: PdfPage,
  planned: { start: number; finish: number; slipDays: number | null },
  top: number,
  xOf: (instant: number) => number,
  range: { start: number; end: number },
  slipX: number,
): void {
  if (planned.finish >= range.start && planned.start <= range.end) {
    const x0 = xOf(planned.start);
    page.rect(x0, top + ROW - 3, Math.max(1.5, xOf(planned.finish) - x0), 2.2, BASELINE);
  }
  const slip = planned.slipDays;
  if (slip) {
    page.text(slipX, top + ROW - 5, slip > 0 ? `+${slip}` : String(slip), {
      size: 6,
      colour: slip > 0 ? DANGER : MUTED,
    });
  }
}

/** Finish-to-start style elbows between two rows on the same page (critical links in red). */
function drawLinks(
  page: PdfPage,
  input: GanttPdfInput,
  rowOf: ReadonlyMap<string, number>,
  first: number,
  count: number,
  rowsTop: number,
  xOf: (instant: number) => number,
): void {
  const byId = new Map(input.tasks.map((task) => [task.id, task]));
  for (const link of input.dependencies) {
    const from = rowOf.get(link.predecessorId);
    const to = rowOf.get(link.successorId);
    if (from === undefined || to === undefined) continue;
    if (from < first || from >= first + count || to < first || to >= first + count) continue;
    const pred = byId.get(link.predecessorId) as ScheduledTaskDto;
    const succ = byId.get(link.successorId) as ScheduledTaskDto;
    const fromX = xOf(Date.parse(link.type === 'SS' || link.type === 'SF' ? pred.plannedStart : pred.plannedFinish));
    const toX = xOf(Date.parse(link.type === 'FF' || link.type === 'SF' ? succ.plannedFinish : succ.plannedStart));
    const y0 = rowsTop + (from - first) * ROW + ROW / 2;
    const y1 = rowsTop + (to - first) * ROW + ROW / 2;
    const colour = pred.critical && succ.critical ? CRITICAL : LINK;
    const elbow = fromX + 4;
    page.line([fromX, y0, elbow, y0, elbow, y1, toX, y1], colour, 0.6);
    const dir = toX >= elbow ? 1 : -1;
    page.polygon([toX, y1, toX - 3 * dir, y1 - 2, toX - 3 * dir, y1 + 2], colour);
  }
}
