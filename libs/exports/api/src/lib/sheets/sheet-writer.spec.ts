import { DependencyDto } from '@worksite/shared-domain';
import { predecessorNotation } from './export-sheets';
import { toCsv } from './sheet-writer';

const link = (predecessorId: string, type: DependencyDto['type'], lagMinutes: number): DependencyDto => ({
  id: `${predecessorId}-x`,
  version: 1,
  projectId: 'p',
  predecessorId,
  successorId: 'x',
  type,
  lagMinutes,
});

describe('sheets', () => {
  it('writes predecessors in MS Project notation over task codes', () => {
    const rows = new Map([
      ['a', 3],
      ['b', 5],
      ['c', 1],
    ]);
    expect(predecessorNotation([link('a', 'FS', 0), link('b', 'SS', -30), link('c', 'FS', 600)], rows, 480)).toBe(
      '1FS+1d2h; 3; 5SS-30m',
    );
    expect(predecessorNotation([link('hidden', 'FS', 0)], rows, 480)).toBe('');
  });

  it('writes CSV with a BOM, quoting and no formulas', () => {
    const csv = toCsv(
      {
        name: 's',
        columns: [
          { header: { 'zh-CN': '名称', en: 'Name' }, width: 10, value: (row: string[]) => row[0] },
          { header: { 'zh-CN': '数量', en: 'Count' }, width: 10, value: (row: string[]) => Number(row[1]) },
        ],
        rows: [
          ['电缆, "YJV"', '-2'],
          ['=HYPERLINK("x")', '3'],
        ],
      },
      'zh-CN',
    );
    expect(csv).toBe('\uFEFF名称,数量\r\n"电缆, ""YJV""",-2\r\n"\'=HYPERLINK(""x"")",3\r\n');
  });
});
