import { fitText, PAPER, PdfDocument, PdfPage, wrapText } from '@worksite/server-pdf';
import { ProjectDto, TaskDto } from '@worksite/shared-domain';
import { weekdayOf } from '@worksite/shared-util-time';
import { ReportLabels } from '../report-labels';
import { dateTimeLabel, timeRangeLabel } from '../report-time';

/** One crew's day as the site board shows it. */
export interface CrewSheet {
  crewId: string | null;
  crewName: string | null;
  leader: string | null;
  phone: string | null;
  tasks: { task: TaskDto; place: string }[];
}

export interface DayPlanPdfInput {
  project: ProjectDto;
  date: string;
  crews: CrewSheet[];
  printedAt: Date;
  labels: ReportLabels;
}

const MARGIN = 36;
const TEXT = 9.5;
const LINE = 13.5;
const LABEL_WIDTH = 70;
const MUTED = '#5b636e';
const RULE = '#c8ccd2';
const SIGNATURE_HEIGHT = 50;

/** The material list as one line: '光缆 120 m、熔接盒 2'. */
function materialsText(materials: TaskDto['materials']): string {
  return materials
    .map((m) => [m.name, m.quantity, m.unit].filter((v) => v !== undefined && v !== '').join(' '))
    .join('、');
}

/**
 * The day plan for the site board: one A4 page per crew (more only when its tasks do not fit),
 * each with the project, the crew and the date, every task with its time (dates when it spans
 * days), place, work, materials, tools and safety notes, and a line for the crew lead's signature.
 */
export function renderDayPlanPdf(input: DayPlanPdfInput): Promise<Buffer> {
  const { labels, project, date } = input;
  const { width, height } = PAPER.A4;
  const zone = project.timeZone;
  const doc = new PdfDocument({ title: `${project.name} — ${labels.dayPlan} ${date}`, created: input.printedAt });
  const pages: PdfPage[] = [];
  const textWidth = width - 2 * MARGIN - LABEL_WIDTH;
  const weekday = labels.weekdays[weekdayOf(date) - 1] ?? '';

  for (const sheet of input.crews) {
    const crewName = sheet.crewName ?? labels.noCrew;
    let page!: PdfPage;
    let y = 0;
    const startPage = (continued: boolean) => {
      page = doc.addPage(width, height);
      pages.push(page);
      page.text(MARGIN, MARGIN + 16, project.name, { size: 16 });
      page.text(MARGIN, MARGIN + 34, `${labels.dayPlan}：${date} ${weekday}`, { size: 12 });
      page.text(width - MARGIN, MARGIN + 34, `${labels.printedAt} ${dateTimeLabel(input.printedAt, zone)}`, {
        size: 8,
        colour: MUTED,
        align: 'right',
      });
      const crewLine = [`${labels.crew}：${crewName}${continued ? labels.continued : ''}`, sheet.leader, sheet.phone]
        .filter(Boolean)
        .join('  ');
      page.rect(MARGIN, MARGIN + 44, width - 2 * MARGIN, 24, '#eef2ff');
      page.text(MARGIN + 8, MARGIN + 61, fitText(crewLine, width - 2 * MARGIN - 16, 13), { size: 13 });
      const contact = project.coordinatorName
        ? `${labels.coordinator}：${project.coordinatorName} ${project.coordinatorPhone ?? ''}`.trim()
        : '';
      page.text(MARGIN, MARGIN + 84, contact, { size: 9, colour: MUTED });
      y = MARGIN + 96;
    };
    const room = () => height - MARGIN - 24 - SIGNATURE_HEIGHT - y;
    startPage(false);

    sheet.tasks.forEach(({ task, place }, index) => {
      const rows: [string, string][] = [
        [labels.place, place],
        [labels.content, task.content],
        [labels.materials, materialsText(task.materials)],
        [labels.tools, task.tools.join('、')],
        [labels.safety, task.safetyNotes],
      ];
      const lines = rows
        .filter(([, value]) => value.trim())
        .map(([label, value]) => ({ label, lines: wrapText(value.trim(), textWidth, TEXT) }));
      const needed = 22 + lines.reduce((sum, row) => sum + row.lines.length * LINE, 0) + 8;
      if (needed > room() && index > 0) startPage(true);
      const time = timeRangeLabel(task.plannedStart, task.plannedFinish, date, zone);
      page.text(MARGIN, y + 14, time, { size: 11 });
      page.text(MARGIN + 150, y + 14, fitText(task.title, width - 2 * MARGIN - 150, 11), { size: 11 });
      y += 22;
      for (const row of lines) {
        page.text(MARGIN + 8, y + 10, row.label, { size: TEXT, colour: MUTED });
        for (const line of row.lines) {
          if (room() < LINE) break;
          page.text(MARGIN + LABEL_WIDTH, y + 10, line, { size: TEXT });
          y += LINE;
        }
      }
      y += 6;
      page.line([MARGIN, y, width - MARGIN, y], RULE, 0.5);
      y += 4;
    });
    if (!sheet.tasks.length) page.text(MARGIN, y + 14, labels.noTasks, { size: 10, colour: MUTED });
    // The crew lead signs the sheet on the board.
    const sign = height - MARGIN - 24 - 18;
    page.text(MARGIN, sign, labels.signature, { size: 11 });
    page.line([MARGIN + 90, sign + 2, MARGIN + 280, sign + 2], '#1b1f24', 0.6);
    page.text(MARGIN + 310, sign, labels.signedAt, { size: 11 });
    page.line([MARGIN + 350, sign + 2, width - MARGIN, sign + 2], '#1b1f24', 0.6);
  }
  if (!pages.length) {
    const page = doc.addPage(width, height);
    pages.push(page);
    page.text(MARGIN, MARGIN + 16, project.name, { size: 16 });
    page.text(MARGIN, MARGIN + 34, `${labels.dayPlan}：${date} ${weekday}`, { size: 12 });
    page.text(MARGIN, MARGIN + 64, labels.noTasks, { size: 10, colour: MUTED });
  }
  pages.forEach((page, index) => {
    page.line([MARGIN, height - MARGIN - 12, width - MARGIN, height - MARGIN - 12], RULE, 0.5);
    page.text(MARGIN, height - MARGIN, fitText(project.name, width / 2, 8), { size: 8, colour: MUTED });
    page.text(width - MARGIN, height - MARGIN, labels.pageOf(index + 1, pages.length), {
      size: 8,
      colour: MUTED,
      align: 'right',
    });
  });
  return doc.toBuffer();
}
