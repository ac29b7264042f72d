import { PdfPage, textWidth } from '@worksite/server-pdf';
import { GANTT_LEGEND, GanttLegendMark } from '@worksite/shared-domain';
import { ReportLabels } from '../report-labels';

const SIZE = 7.5;

/** A swatch of one legend entry, 14 × 8 pt at (x, top). */
function swatch(page: PdfPage, mark: GanttLegendMark, colour: `#${string}`, x: number, top: number): void {
  switch (mark) {
    case 'vline':
      page.line([x + 7, top - 1, x + 7, top + 9], colour, 1.2);
      return;
    case 'arrow':
      page
        .line([x, top + 4, x + 11, top + 4], colour, 0.8)
        .polygon([x + 14, top + 4, x + 10, top + 2, x + 10, top + 6], colour);
      return;
    case 'fill':
      page.rect(x, top, 14, 8, colour).strokeRect(x, top, 14, 8, '#c8ccd2', 0.3);
      return;
    case 'thin':
      page.rect(x, top + 5, 14, 3, colour);
      return;
    case 'badge':
      page.strokeRect(x, top, 14, 8, colour, 1).polygon([x + 17, top - 1, x + 21, top + 8, x + 13, top + 8], colour);
      return;
    default: {
      page.rect(x, top, 14, 8, '#c9d3fc');
      if (mark === 'progress') page.rect(x, top, 8, 8, '#93a8f9');
      if (mark === 'hatched')
        for (let i = 2; i < 14; i += 3.5) page.line([x + i, top + 8, x + i + 2.5, top], '#ffffff', 0.8);
      page.strokeRect(x, top, 14, 8, colour, mark === 'outline' ? 1.4 : 0.6);
      if (mark === 'corner') page.polygon([x, top, x + 4, top, x, top + 4], colour);
    }
  }
}

/** The Gantt's legend in rows across `width`; returns the height used. */
export function drawLegend(page: PdfPage, left: number, top: number, width: number, labels: ReportLabels): number {
  let x = left;
  let y = top;
  for (const entry of GANTT_LEGEND) {
    const text = labels.legend[entry.key];
    const itemWidth = 24 + textWidth(text, SIZE) + 12;
    if (x + itemWidth > left + width && x > left) {
      x = left;
      y += 12;
    }
    swatch(page, entry.mark, entry.colour, x, y);
    page.text(x + 24, y + 7.5, text, { size: SIZE, colour: '#1b1f24' });
    x += itemWidth;
  }
  return y + 12 - top;
}
