import { Injectable } from '@nestjs/common';
import { incidentKindLabel, localTimeText, severityLabel } from '@worksite/incidents-domain';
import { siteText } from '@worksite/incidents-data-access';
import { AppConfig } from '@worksite/server-config';
import { fitText, PAPER, PdfDocument, PdfPage, wrapText } from '@worksite/server-pdf';
import { IncidentDetailDto } from '@worksite/shared-domain';
import { departmentStatusLabel, eventLabel, REPORT_TEXT } from './report-labels';

type Lang = 'zh-CN' | 'en';
const MARGIN = 40;
const LINE = 14;

/** Lays text out top to bottom over as many A4 pages as it needs. */
class Flow {
  page!: PdfPage;
  y = 0;
  readonly width = PAPER.A4.width - 2 * MARGIN;

  constructor(private readonly doc: PdfDocument) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(PAPER.A4.width, PAPER.A4.height);
    this.y = MARGIN + 10;
  }

  need(height: number): void {
    if (this.y + height > PAPER.A4.height - MARGIN) this.newPage();
  }

  heading(text: string): void {
    this.need(LINE * 3);
    this.y += 8;
    this.page.text(MARGIN, this.y, text, { size: 12 });
    this.y += 6;
    this.page.line([MARGIN, this.y, MARGIN + this.width, this.y], '#868e96');
    this.y += LINE;
  }

  field(label: string, value: string): void {
    const lines = wrapText(value, this.width - 110, 9);
    this.need(lines.length * LINE);
    this.page.text(MARGIN, this.y, label, { size: 9, colour: '#495057' });
    lines.forEach((line, index) => this.page.text(MARGIN + 110, this.y + index * LINE, line, { size: 9 }));
    this.y += lines.length * LINE;
  }

  /** A table row: cells cut to their column widths (fractions of the width). */
  row(cells: string[], widths: number[], header = false): void {
    this.need(LINE);
    let x = MARGIN;
    cells.forEach((cell, index) => {
      const width = widths[index] * this.width;
      this.page.text(x, this.y, fitText(cell, width - 4, 8), { size: 8, colour: header ? '#495057' : '#000000' });
      x += width;
    });
    this.y += LINE - 2;
  }
}

/**
 * The post-incident report as PDF (Noto Sans CJK through @worksite/server-pdf): the incident,
 * the place and households affected, each department's response times, the rush tasks with
 * their durations, and the whole timeline — who did what when.
 */
@Injectable()
export class IncidentReport {
  constructor(private readonly config: AppConfig) {}

  async render(incident: IncidentDetailDto, lang: Lang): Promise<Buffer> {
    const t = REPORT_TEXT[lang];
    const zone = this.config.APP_TIMEZONE;
    const time = (iso: string | null) => (iso ? localTimeText(Date.parse(iso), zone, lang) : '—');
    const minutesBetween = (from: string, to: string | null) =>
      to ? t.minutes(Math.round((Date.parse(to) - Date.parse(from)) / 60_000)) : '—';
    const doc = new PdfDocument({ title: `${t.title} ${incident.code}`, author: incident.reportedByName });
    const flow = new Flow(doc);
    flow.page.text(MARGIN, flow.y + 8, `${t.title} · ${incident.title}`, { size: 15 });
    flow.y += 30;
    flow.field(t.code, incident.code);
    flow.field(t.kind, incidentKindLabel(incident.kind, lang));
    flow.field(t.severity, severityLabel(incident.severity, lang));
    flow.field(t.place, siteText(incident.site));
    flow.field(t.households, t.householdsValue(incident.site.households));
    flow.field(t.reported, time(incident.reportedAt));
    flow.field(t.reportedBy, incident.reportedByName);
    flow.field(t.caller, [incident.callerName, incident.callerPhone].filter(Boolean).join(' '));
    flow.field(t.paperwork, time(incident.paperworkDueAt));
    flow.field(t.closed, incident.closedAt ? `${time(incident.closedAt)} ${incident.closedByName ?? ''}` : t.open);

    flow.heading(t.departments);
    const departmentWidths = [0.22, 0.18, 0.11, 0.11, 0.11, 0.11, 0.16];
    flow.row([...t.departmentHead], departmentWidths, true);
    for (const d of incident.departments) {
      flow.row(
        [
          `${d.departmentName}（${departmentStatusLabel(d.status, lang)}）`,
          d.crewName ?? '—',
          time(d.notifiedAt),
          time(d.acknowledgedAt),
          time(d.onSiteAt),
          time(d.doneAt),
          minutesBetween(incident.reportedAt, d.acknowledgedAt),
        ],
        departmentWidths,
      );
    }

    flow.heading(t.tasks);
    const taskWidths = [0.44, 0.16, 0.16, 0.1, 0.14];
    flow.row([...t.taskHead], taskWidths, true);
    for (const task of incident.tasks) {
      flow.row(
        [
          task.title,
          time(task.plannedStart),
          time(task.plannedFinish),
          minutesBetween(task.plannedStart, task.plannedFinish),
          task.status,
        ],
        taskWidths,
      );
    }

    flow.heading(t.timeline);
    const eventWidths = [0.16, 0.44, 0.22, 0.18];
    flow.row([...t.timelineHead], eventWidths, true);
    for (const event of incident.events) {
      const detail = event.detail as Record<string, unknown>;
      const extra = [
        detail['channel'],
        detail['status'],
        detail['note'],
        detail['channel'] ? undefined : detail['text'],
      ]
        .filter((value) => typeof value === 'string' && value)
        .join(' ');
      flow.row(
        [
          time(event.at),
          `${eventLabel(event.kind, lang)}${extra ? ` ${extra}` : ''}`,
          event.departmentName ?? '',
          event.actorName,
        ],
        eventWidths,
      );
    }
    return doc.toBuffer();
  }
}
