// Draws the web app's install icons (apps/web/public/icons/icon-<size>.png): the character 工
// ("work") in white on the app's dark blue, made of three bars, kept inside the middle 60 % so
// the same file serves as a maskable icon. No image library: PNG written with zlib.
// Run: node tools/pwa-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1c, 0x3d, 0x5a];
const WHITE = [0xff, 0xff, 0xff];
const SIZES = [192, 512];
const OUT = resolve(import.meta.dirname, '../apps/web/public/icons');

/** 工 as rectangles in units of the icon's side: [x0, y0, x1, y1]. */
const BARS = [
  [0.27, 0.27, 0.73, 0.35], // top
  [0.46, 0.27, 0.54, 0.73], // stem
  [0.22, 0.65, 0.78, 0.73], // base
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const ink = BARS.some(([x0, y0, x1, y1]) => u >= x0 && u < x1 && v >= y0 && v < y1);
      const [r, g, b] = ink ? WHITE : BLUE;
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) writeFileSync(resolve(OUT, `icon-${size}.png`), png(size));
console.log(`icons written to ${OUT}`);
