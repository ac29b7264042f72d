import { readFileSync } from 'node:fs';
import PDFDocument = require('pdfkit');

/** Paper sizes in points (1/72 in), portrait. */
export const PAPER = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
} as const;
export type Paper = keyof typeof PAPER;

/** An RGB colour as '#rrggbb'. */
export type Colour = `#${string}`;

/** The CJK font the reports embed (a subset of it): Noto Sans CJK SC from Debian's fonts-noto-cjk. */
export const CJK_FONT_FILE =
  process.env['REPORT_FONT_FILE'] ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = process.env['REPORT_FONT_NAME'] ?? 'NotoSansCJKsc-Regular';
const FONT = 'cjk';

let fontData: Buffer | undefined;
let measurer: PDFKit.PDFDocument | undefined;

function cjkFont(): Buffer {
  fontData ??= readFileSync(CJK_FONT_FILE);
  return fontData;
}

/** Width of a string in points at a font size, as the embedded font sets it. */
export function textWidth(text: string, size: number): number {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    measurer.registerFont(FONT, cjkFont(), CJK_FONT_NAME);
    measurer.font(FONT);
  }
  return measurer.fontSize(size).widthOfString(text);
}

/** The longest start of `text` that fits `width`, with an ellipsis when cut. */
export function fitText(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length && textWidth(chars.join('') + '…', size) > width) chars.pop();
  return chars.length ? chars.join('') + '…' : '';
}

/** Lines of at most `width` points, broken at any character (Chinese has no spaces) and at newlines. */
export function wrapText(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const char of paragraph) {
      if (line && textWidth(line + char, size) > width) {
        lines.push(line);
        line = char.trimStart();
      } else line += char;
    }
    lines.push(line);
  }
  return lines;
}

/** One drawing operation, replayed onto a PDFKit page. */
type Op = (doc: PDFKit.PDFDocument) => void;

export interface TextOptions {
  size?: number;
  colour?: Colour;
  /** Where x is: the text's left edge (default), centre or right edge. */
  align?: 'left' | 'center' | 'right';
}

const pairs = (points: number[]): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push([points[i], points[i + 1]]);
  return out;
};

/**
 * One page, in points from the top left corner. Drawing is recorded and written when the
 * document is, so a page can still be drawn on after later pages were added (page numbers).
 */
export class PdfPage {
  readonly ops: Op[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  rect(x: number, top: number, width: number, height: number, fill: Colour): this {
    this.ops.push((doc) => doc.rect(x, top, width, height).fill(fill));
    return this;
  }

  strokeRect(
    x: number,
    top: number,
    width: number,
    height: number,
    stroke: Colour,
    lineWidth = 0.5,
    dash?: number[],
  ): this {
    this.ops.push((doc) => {
      doc.save().lineWidth(lineWidth).strokeColor(stroke);
      if (dash?.length) doc.dash(dash[0], { space: dash[1] ?? dash[0] });
      doc.rect(x, top, width, height).stroke().restore();
    });
    return this;
  }

  /** A polyline through the points [x, top, x, top, …]. */
  line(points: number[], stroke: Colour, lineWidth = 0.5, dash?: number[]): this {
    if (points.length < 4) return this;
    this.ops.push((doc) => {
      doc.save().lineWidth(lineWidth).strokeColor(stroke);
      if (dash?.length) doc.dash(dash[0], { space: dash[1] ?? dash[0] });
      const [first, ...rest] = pairs(points);
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      doc.stroke().restore();
    });
    return this;
  }

  /** A filled polygon through the points [x, top, …]. */
  polygon(points: number[], fill: Colour): this {
    if (points.length < 6) return this;
    this.ops.push((doc) => doc.polygon(...pairs(points)).fill(fill));
    return this;
  }

  /** One line of text whose baseline is at `top`. */
  text(x: number, top: number, text: string, options: TextOptions = {}): this {
    if (!text) return this;
    const size = options.size ?? 9;
    const width = textWidth(text, size);
    const left = options.align === 'center' ? x - width / 2 : options.align === 'right' ? x - width : x;
    this.ops.push((doc) =>
      doc
        .font(FONT)
        .fontSize(size)
        .fillColor(options.colour ?? '#000000')
        .text(text, left, top, { lineBreak: false, baseline: 'alphabetic' }),
    );
    return this;
  }
}

/**
 * Reports as PDF through PDFKit: pages of rectangles, lines and text, the text in Noto Sans CJK
 * (embedded as a subset, so every reader shows the same Chinese and can extract it).
 */
export class PdfDocument {
  private readonly pages: PdfPage[] = [];

  constructor(private readonly info: { title: string; author?: string; created?: Date }) {}

  addPage(width: number, height: number): PdfPage {
    const page = new PdfPage(width, height);
    this.pages.push(page);
    return page;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  toBuffer(): Promise<Buffer> {
    const doc = new PDFDocument({
      autoFirstPage: false,
      compress: true,
      info: {
        Title: this.info.title,
        ...(this.info.author ? { Author: this.info.author } : {}),
        Producer: 'Worksite',
        CreationDate: this.info.created ?? new Date(),
      },
    });
    doc.registerFont(FONT, cjkFont(), CJK_FONT_NAME);
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    for (const page of this.pages) {
      doc.addPage({ size: [page.width, page.height], margin: 0 });
      for (const op of page.ops) op(doc);
    }
    doc.end();
    return done;
  }
}
