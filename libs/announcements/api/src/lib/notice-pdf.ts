import { PAPER, PdfDocument, wrapText } from '@worksite/server-pdf';

const MARGIN = 56;
const TITLE_SIZE = 40;
const BODY_SIZE = 22;
const SMALL_SIZE = 18;

/**
 * The announcement as an A4 notice for the building's entrance and the notice board: the
 * title in 40 pt, the text in 22 pt (a third of the residents are elderly), emergency notices
 * framed in red. Long texts run over to further pages.
 */
export async function noticePdf(text: string, emergency: boolean, title: string): Promise<Buffer> {
  const { width, height } = PAPER.A4;
  const doc = new PdfDocument({ title });
  const [heading, ...rest] = text.split('\n');
  const lines = rest.flatMap((line) => (line.trim() ? wrapText(line, width - 2 * MARGIN, BODY_SIZE) : ['']));
  let page = doc.addPage(width, height);
  const frame = () => {
    if (emergency) page.strokeRect(20, 20, width - 40, height - 40, '#c62828', 6);
  };
  frame();
  let top = MARGIN + TITLE_SIZE;
  for (const line of wrapText(heading, width - 2 * MARGIN, TITLE_SIZE)) {
    page.text(width / 2, top, line, { size: TITLE_SIZE, align: 'center', colour: emergency ? '#c62828' : '#000000' });
    top += TITLE_SIZE * 1.35;
  }
  top += BODY_SIZE * 0.6;
  for (const line of lines) {
    if (top > height - MARGIN) {
      page = doc.addPage(width, height);
      frame();
      top = MARGIN + BODY_SIZE;
    }
    page.text(MARGIN, top, line, { size: BODY_SIZE });
    top += line ? BODY_SIZE * 1.6 : BODY_SIZE * 0.8;
  }
  if (doc.pageCount > 1) {
    page.text(width - MARGIN, height - 30, `共 ${doc.pageCount} 页`, { size: SMALL_SIZE, align: 'right' });
  }
  return doc.toBuffer();
}
