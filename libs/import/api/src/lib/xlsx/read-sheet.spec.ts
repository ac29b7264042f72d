import { stream } from 'exceljs';
import { PassThrough } from 'node:stream';
import { readTaskRowsOf } from './read-sheet';

/** A sheet of `count` rows with Chinese text, written by exceljs's streaming writer (shared strings at the end). */
async function chineseSheet(count: number): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true });
  const sheet = workbook.addWorksheet('任务');
  sheet.addRow(['编号', '任务名称', '工期']).commit();
  for (let n = 1; n <= count; n++) sheet.addRow([String(n), `第${n}段管线施工`, '1天']).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

describe('reading a sheet for an import', () => {
  it('keeps every Chinese character of a large sheet (no character split at a chunk boundary)', async () => {
    const read = await readTaskRowsOf(await chineseSheet(10_000));
    expect(read.rows).toHaveLength(10_000);
    const broken = read.rows.filter((row, index) => row.title !== `第${index + 1}段管线施工` || row.duration !== '1天');
    expect(broken).toEqual([]);
    expect(read.mapping).toEqual({ 编号: 'code', 任务名称: 'title', 工期: 'duration' });
  }, 60_000);
});
