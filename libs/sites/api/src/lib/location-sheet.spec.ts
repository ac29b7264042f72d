import { translate } from '@worksite/shared-i18n';
import { columnsOf, validateRows } from './location-sheet';

describe('community sheet rows', () => {
  it('finds the columns by their Chinese or English headers', () => {
    expect(columnsOf(['地址', ' 小区 ', 'Building', '单元', '户数']).columns).toEqual({
      address: 0,
      compound: 1,
      building: 2,
      unit: 3,
      households: 4,
    });
    const { problems } = columnsOf(['楼号', '单元']);
    expect(problems.map((p) => translate('zh-CN', p.message))).toEqual(['表头缺少“小区”列']);
  });

  it('accepts compounds, buildings and units with households and addresses, skipping empty rows', () => {
    const { valid, problems } = validateRows([
      { row: 2, cells: { compound: '八经小区', households: '820', address: '八经街32号' } },
      { row: 3, cells: { compound: '八经小区', building: '32号楼', households: '48.0' } },
      { row: 4, cells: { compound: ' ', building: '' } },
      { row: 5, cells: { compound: '八经小区', building: '32号楼', unit: '1单元' } },
    ]);
    expect(problems).toEqual([]);
    expect(valid).toEqual([
      { row: 2, compound: '八经小区', building: null, unit: null, households: 820, address: '八经街32号' },
      { row: 3, compound: '八经小区', building: '32号楼', unit: null, households: 48, address: null },
      { row: 5, compound: '八经小区', building: '32号楼', unit: '1单元', households: null, address: null },
    ]);
  });

  it('reports every problem by row and column, in both languages', () => {
    const { valid, problems } = validateRows([
      { row: 2, cells: { compound: '八经小区', building: '32号楼' } },
      { row: 3, cells: { building: '5号楼', households: '-1' } },
      { row: 4, cells: { compound: '八经小区', unit: '1单元' } },
      { row: 5, cells: { compound: '八经小区', building: '32号楼', households: '12户' } },
      { row: 6, cells: { compound: 'x'.repeat(101) } },
    ]);
    expect(valid.map((row) => row.row)).toEqual([2]);
    expect(problems.map((p) => [p.row, p.field, translate('zh-CN', p.message)])).toEqual([
      [3, 'compound', '第 3 行：“小区”不能为空'],
      [3, 'households', '第 3 行：“户数”必须是 0 到 1000000 之间的整数（现为“-1”）'],
      [4, 'building', '第 4 行：填写了单元就必须填写楼号'],
      [5, 'households', '第 5 行：“户数”必须是 0 到 1000000 之间的整数（现为“12户”）'],
      [5, 'building', '第 5 行：与第 2 行重复（八经小区 32号楼）'],
      [6, 'compound', '第 6 行：“小区”最长 100 个字符'],
    ]);
    expect(translate('en', problems[4].message)).toBe('row 5: the same place as row 2 (八经小区 32号楼)');
  });

  it('needs at least one row', () => {
    expect(validateRows([]).problems.map((p) => p.field)).toEqual(['sheet']);
  });
});
