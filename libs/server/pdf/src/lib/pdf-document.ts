import { deflateSync } from 'node:zlib';

/** Paper sizes in points (1/72 in), portrait. */
export const PAPER = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
} as const;
export type Paper = keyof typeof PAPER;

/** An RGB colour as '#rrggbb'. */
export type Colour = `#${string}`;

/** Font name of the text: the Adobe-GB1 CJK font every PDF reader provides (PDF 1.7 §9.7.5.2). */
const CJK_FONT = 'STSong-Light';

/**
 * Widths in thousandths of an em of the proportional Latin glyphs (CIDs 1–95, U+0020–U+007E),
 * as Helvetica has them; written into the font's W array, so readers place them so.
 */
const LATIN_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Width of one character in thousandths of an em: Latin as above, everything else (CJK) a full em. */
function charWidth(code: number): number {
  return code >= 0x20 && code <= 0x7e ? LATIN_WIDTHS[code - 0x20] : 1000;
}

/** Width of a string in points at a font size. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const char of text) units += charWidth(char.charCodeAt(0));
  return (units * size) / 1000;
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

const num = (value: number) => (Math.round(value * 100) / 100).toString();

function rgb(colour: Colour): string {
  const value = parseInt(colour.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((c) => num(c / 255)).join(' ');
}

/** UCS-2 code units as hex (characters outside the BMP print as '?'). */
function hexText(text: string): string {
  let hex = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    hex += (code > 0xffff ? 63 : code).toString(16).padStart(4, '0');
  }
  return hex;
}

export interface TextOptions {
  size?: number;
  colour?: Colour;
  /** Where x is: the text's left edge (default), centre or right edge. */
  align?: 'left' | 'center' | 'right';
}

/**
 * One page. Coordinates are in points from the top left corner (PDF's own origin is bottom left;
 * the page turns them over).
 */
export class PdfPage {
  private readonly ops: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  private y(top: number): number {
    return this.height - top;
  }

  rect(x: number, top: number, width: number, height: number, fill: Colour): this {
    this.ops.push(`${rgb(fill)} rg ${num(x)} ${num(this.y(top + height))} ${num(width)} ${num(height)} re f`);
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
    this.ops.push(
      `q ${rgb(stroke)} RG ${num(lineWidth)} w [${(dash ?? []).map(num).join(' ')}] 0 d ` +
        `${num(x)} ${num(this.y(top + height))} ${num(width)} ${num(height)} re S Q`,
    );
    return this;
  }

  /** A polyline through the points [x, top, x, top, …]. */
  line(points: number[], stroke: Colour, lineWidth = 0.5, dash?: number[]): this {
    if (points.length < 4) return this;
    const path = [`${num(points[0])} ${num(this.y(points[1]))} m`];
    for (let i = 2; i + 1 < points.length; i += 2) path.push(`${num(points[i])} ${num(this.y(points[i + 1]))} l`);
    this.ops.push(`q ${rgb(stroke)} RG ${num(lineWidth)} w [${(dash ?? []).map(num).join(' ')}] 0 d ${path.join(' ')} S Q`);
    return this;
  }

  /** A filled polygon through the points [x, top, …]. */
  polygon(points: number[], fill: Colour): this {
    if (points.length < 6) return this;
    const path = [`${num(points[0])} ${num(this.y(points[1]))} m`];
    for (let i = 2; i + 1 < points.length; i += 2) path.push(`${num(points[i])} ${num(this.y(points[i + 1]))} l`);
    this.ops.push(`${rgb(fill)} rg ${path.join(' ')} h f`);
    return this;
  }

  /** One line of text whose baseline is at `top`. */
  text(x: number, top: number, text: string, options: TextOptions = {}): this {
    if (!text) return this;
    const size = options.size ?? 9;
    const width = textWidth(text, size);
    const left = options.align === 'center' ? x - width / 2 : options.align === 'right' ? x - width : x;
    this.ops.push(
      `BT ${rgb(options.colour ?? '#000000')} rg /F1 ${num(size)} Tf ${num(left)} ${num(this.y(top))} Td <${hexText(text)}> Tj ET`,
    );
    return this;
  }

  /** The page's content stream. */
  content(): string {
    return this.ops.join('\n');
  }
}

/** The ToUnicode map: the codes are UCS-2 already, so every code maps to itself (searchable, copyable text). */
function toUnicodeCMap(): string {
  const ranges: string[] = [];
  for (let high = 0; high < 256; high++) {
    const h = high.toString(16).padStart(2, '0');
    ranges.push(`<${h}00> <${h}ff> <${h}00>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfrange\n${chunk.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Worksite-UCS2 def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** PDF string literal for the document information (UTF-16BE with BOM). */
function infoString(text: string): string {
  return `<feff${hexText(text)}>`;
}

/**
 * A small PDF 1.7 writer for reports: pages of rectangles, lines and text, the text in the
 * Adobe-GB1 CJK font with the UniGB-UCS2-H encoding (Chinese and Latin alike), a ToUnicode map
 * so the text can be searched and extracted, and compressed content streams.
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

  toBuffer(): Buffer {
    const objects: (string | { dict: string; data: Buffer })[] = [];
    const add = (body: string | { dict: string; data: Buffer }) => objects.push(body);
    const catalog = add('');
    const pagesId = add('');
    const unicode = deflateSync(Buffer.from(toUnicodeCMap(), 'latin1'));
    const toUnicode = add({ dict: '/Filter /FlateDecode', data: unicode });
    const descriptor = add(
      `<< /Type /FontDescriptor /FontName /${CJK_FONT} /Flags 6 /FontBBox [-25 -254 1000 880] ` +
        '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    );
    const cidFont = add(
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${CJK_FONT} ` +
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ' +
        `/FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 [${LATIN_WIDTHS.join(' ')}]] >>`,
    );
    const font = add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /${CJK_FONT}-UniGB-UCS2-H /Encoding /UniGB-UCS2-H ` +
        `/DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    );
    const pageIds = this.pages.map((page) => {
      const content = add({ dict: '/Filter /FlateDecode', data: deflateSync(Buffer.from(page.content(), 'latin1')) });
      return add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      );
    });
    objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
    objects[pagesId - 1] =
      `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
    const created = this.info.created ?? new Date();
    const date = created.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const infoId = add(
      `<< /Title ${infoString(this.info.title)} /Producer (Worksite) /CreationDate (D:${date}Z)` +
        (this.info.author ? ` /Author ${infoString(this.info.author)}` : '') +
        ' >>',
    );

    const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let length = chunks[0].length;
    const offsets: number[] = [];
    objects.forEach((body, index) => {
      offsets.push(length);
      const parts =
        typeof body === 'string'
          ? [Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1')]
          : [
              Buffer.from(`${index + 1} 0 obj\n<< ${body.dict} /Length ${body.data.length} >>\nstream\n`, 'latin1'),
              body.data,
              Buffer.from('\nendstream\nendobj\n', 'latin1'),
            ];
      for (const part of parts) {
        chunks.push(part);
        length += part.length;
      }
    });
    const xref = [
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
      ...offsets.map((offset) => `${offset.toString().padStart(10, '0')} 00000 n \n`),
      `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R >>\n`,
      `startxref\n${length}\n%%EOF\n`,
    ].join('');
    chunks.push(Buffer.from(xref, 'latin1'));
    return Buffer.concat(chunks);
  }
}
