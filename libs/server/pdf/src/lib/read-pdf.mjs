// Reads a PDF from stdin with pdf.js (Mozilla's reader, independent of the writer) and prints
// {title, pages: [[text run, …], …]} as JSON. pdf.js is an ES module only: run as a child process.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false, verbosity: 0 })
  .promise;
const { info } = await pdf.getMetadata();
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  const { width, height } = page.getViewport({ scale: 1 });
  pages.push({ width, height, texts: content.items.map((item) => item.str).filter((text) => text.trim()) });
}
process.stdout.write(JSON.stringify({ title: info?.Title ?? '', pages }));
