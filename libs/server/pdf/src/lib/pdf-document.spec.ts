import { fitText, PAPER, PdfDocument, textWidth, wrapText } from './pdf-document';
import { readPdf } from './pdf-reader';

describe('PdfDocument', () => {
  it('writes pages whose Chinese and Latin text pdf.js reads back, with the title and sizes', async () => {
    const doc = new PdfDocument({ title: '华平小区 光纤入户', created: new Date('2026-11-02T08:00:00Z') });
    const a = doc.addPage(PAPER.A4.height, PAPER.A4.width);
    a.rect(10, 10, 100, 20, '#d32f2f').strokeRect(10, 40, 50, 10, '#000000', 1, [2, 2]);
    a.line([0, 0, 10, 10, 20, 0], '#1565c0').polygon([0, 0, 5, 5, 0, 10], '#ff9800');
    a.text(20, 30, '华平小区 光纤入户').text(300, 30, '第 1 / 2 页', { align: 'right' });
    doc.addPage(PAPER.A4.height, PAPER.A4.width).text(200, 30, 'Page 2 (B-12)', { align: 'center' });
    const buffer = await doc.toBuffer();
    expect(buffer.subarray(0, 8).toString('latin1')).toMatch(/^%PDF-1\.\d/);
    const read = readPdf(buffer);
    expect(read.title).toBe('华平小区 光纤入户');
    expect(read.pages).toEqual([['华平小区 光纤入户', '第 1 / 2 页'], ['Page 2 (B-12)']]);
    expect(read.sizes[0]).toEqual({ width: 841.89, height: 595.28 });
  });

  it('refuses what is not a PDF', () => {
    expect(() => readPdf(Buffer.from('hello'))).toThrow();
  });

  it('measures with the font: Chinese a full em, Latin narrower', () => {
    expect(textWidth('电缆', 10)).toBe(20);
    expect(textWidth('Il', 10)).toBeLessThan(textWidth('MW', 10));
  });

  it('cuts text that does not fit with an ellipsis', () => {
    expect(fitText('电缆敷设', 40, 10)).toBe('电缆敷设');
    expect(fitText('电缆敷设及表箱改接', 40, 10)).toBe('电缆敷…');
    expect(fitText('电缆', 5, 10)).toBe('');
  });

  it('wraps long lines at any character and keeps newlines', () => {
    expect(wrapText('一二三四五\n六', 30, 10)).toEqual(['一二三', '四五', '六']);
  });
});
