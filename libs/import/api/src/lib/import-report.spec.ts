import { renderProblems } from './import-report';

describe('import report', () => {
  it('renders each problem with its row, column header and message in the language asked', () => {
    const problems = [
      { row: 7, code: '7', field: 'crew', key: 'import_crew_unknown' as const, params: { value: '三班' } },
      { row: 9, field: 'links[0].lag', key: 'import_lag_invalid' as const, params: { value: 'x' } },
    ];
    expect(renderProblems(problems, 'zh-CN')).toEqual([
      { row: 7, code: '7', field: 'crew', column: '班组', message: '没有名为“三班”的班组' },
      { row: 9, field: 'links[0].lag', column: 'links[0].lag', message: '“x”不是延隔时间（例如 +2d、-4h）' },
    ]);
    expect(renderProblems(problems, 'en', (field) => (field === 'crew' ? '施工班组' : undefined))[0]).toEqual({
      row: 7,
      code: '7',
      field: 'crew',
      column: '施工班组',
      message: 'no crew is named "三班"',
    });
  });
});
