import { PAPER, readPdf } from '@worksite/server-pdf';
import { noticePdf } from './notice-pdf';

describe('the A4 notice for the entrance', () => {
  const text = [
    '【紧急】停电抢修通知',
    '尊敬的各位居民：',
    '因32号楼缓步台电缆起火，以下范围停电，抢修人员已在现场处理。',
    '停电范围：八经小区 32号楼，共 48 户',
  ].join('\n');

  it('puts the heading on top and every line of the text on an A4 page, read back by pdf.js', async () => {
    const read = readPdf(await noticePdf(text, true, '停电抢修通知'));
    expect(read.title).toBe('停电抢修通知');
    expect(read.sizes).toEqual([
      { width: Number(PAPER.A4.width.toFixed(2)), height: Number(PAPER.A4.height.toFixed(2)) },
    ]);
    expect(read.pages[0][0]).toBe('【紧急】停电抢修通知');
    expect(read.pages[0].join('')).toContain('停电范围：八经小区 32号楼，共 48 户');
  });

  it('runs a long text over to more pages and numbers them', async () => {
    const long = [
      '停水通知',
      ...Array.from({ length: 60 }, (_, i) => `第 ${i + 1} 行：请提前储水，给您带来不便，敬请谅解。`),
    ].join('\n');
    const read = readPdf(await noticePdf(long, false, '停水通知'));
    expect(read.pages.length).toBeGreaterThan(1);
    expect(read.pages.at(-1)).toContain(`共 ${read.pages.length} 页`);
    expect(read.pages.flat().join('')).toContain('第 60 行');
  });
});
