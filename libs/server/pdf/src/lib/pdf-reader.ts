import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** What a test reads back from a PDF: the document title and each page's size and text runs, in page order. */
export interface PdfText {
  title: string;
  pages: string[][];
  sizes: { width: number; height: number }[];
}

/**
 * Reads a PDF with pdf.js, the reader of Firefox (not with the code that wrote it), in a child
 * process (pdf.js is an ES module). Throws on a file pdf.js cannot open.
 */
export function readPdf(buffer: Buffer): PdfText {
  const script = join(__dirname, 'read-pdf.mjs');
  const output = execFileSync(process.execPath, [script], { input: buffer, maxBuffer: 64 * 1024 * 1024 });
  const read = JSON.parse(output.toString('utf8')) as {
    title: string;
    pages: { width: number; height: number; texts: string[] }[];
  };
  return {
    title: read.title,
    pages: read.pages.map((page) => page.texts),
    sizes: read.pages.map(({ width, height }) => ({ width, height })),
  };
}
