import { inflateSync } from 'node:zlib';

/** What a test reads back from a PDF: the document title and each page's text runs, in page order. */
export interface PdfText {
  title: string;
  pages: string[][];
}

function decodeHex(hex: string): string {
  let text = '';
  for (let i = 0; i + 3 < hex.length; i += 4) text += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return text;
}

/**
 * Reads the text of a PDF written with two-byte hex strings (as PdfDocument writes) through its
 * cross-reference structure: the catalog's page tree in order, each page's (inflated) content
 * stream, every `<…> Tj` in it. Throws when the structure is not there, so a test fails on a
 * broken file rather than finding nothing.
 */
export function readPdf(buffer: Buffer): PdfText {
  const source = buffer.toString('latin1');
  if (!source.startsWith('%PDF-')) throw new Error('not a PDF');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(source);
  if (!startxref || !source.startsWith('xref', Number(startxref[1]))) throw new Error('no cross-reference table');
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  const pattern = /(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\n|endobj)/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const id = Number(match[1]);
    let dict = match[2];
    let stream: Buffer | undefined;
    if (match[3] === 'stream\n') {
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const start = match.index + match[0].length;
      const data = buffer.subarray(start, start + length);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(data) : data;
      pattern.lastIndex = start + length;
    } else {
      // A dictionary nested in another ends at its own '>>': take the text up to endobj.
      dict = source.slice(match.index, match.index + match[0].length);
    }
    objects.set(id, { dict, stream });
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const trailer = source.slice(source.lastIndexOf('trailer'));
  const catalog = objects.get(ref(trailer, 'Root'));
  const tree = catalog && objects.get(ref(catalog.dict, 'Pages'));
  if (!tree) throw new Error('no page tree');
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(tree.dict)?.[1].matchAll(/(\d+) 0 R/g) ?? []].map((m) => Number(m[1]));
  const count = Number(/\/Count (\d+)/.exec(tree.dict)?.[1]);
  if (kids.length !== count) throw new Error(`page tree lists ${kids.length} pages, counts ${count}`);
  const pages = kids.map((kid) => {
    const page = objects.get(kid);
    const content = page && objects.get(ref(page.dict, 'Contents'))?.stream;
    if (!content) throw new Error(`page ${kid} has no content`);
    return [...content.toString('latin1').matchAll(/<([0-9a-f]+)> Tj/g)].map((m) => decodeHex(m[1]));
  });
  const info = objects.get(ref(trailer, 'Info'));
  const title = /\/Title <feff([0-9a-f]*)>/.exec(info?.dict ?? '')?.[1];
  return { title: title ? decodeHex(title) : '', pages };
}
