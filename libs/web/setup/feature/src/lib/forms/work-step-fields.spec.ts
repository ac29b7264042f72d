import { createBody, formValuesOf, updateBody, validateForm } from './form-model';
import { durationField, linesField, materialLine, materialOfLine, materialsField } from './work-step-fields';

describe('work step fields', () => {
  const fields = [
    durationField('durationMinutes', 'duration', () => 'zh-CN'),
    materialsField('materials', 'materials'),
    linesField('tools', 'tools', 200, 'hint'),
  ];
  const stored = {
    durationMinutes: 960,
    materials: [{ name: '动力电缆YJV22-4×35', quantity: 135, unit: '米' }, { name: '绝缘胶带' }],
    tools: ['绝缘手套', '验电器'],
  };

  it('reads materials one a line as name, quantity and unit, and writes them back the same', () => {
    expect(materialOfLine('YJV22 电缆 120 m')).toEqual({ name: 'YJV22 电缆', quantity: 120, unit: 'm' });
    expect(materialOfLine('表箱 2')).toEqual({ name: '表箱', quantity: 2 });
    expect(materialOfLine(' 绝缘胶带 ')).toEqual({ name: '绝缘胶带' });
    expect(materialLine({ name: '动力电缆', quantity: 1.5, unit: 'km' })).toBe('动力电缆 1.5 km');
  });

  it('shows a stored step as typed text and sends it back unchanged', () => {
    const values = formValuesOf(fields, stored);
    expect(values).toEqual({
      durationMinutes: '2天',
      materials: '动力电缆YJV22-4×35 135 米\n绝缘胶带',
      tools: '绝缘手套\n验电器',
    });
    expect(updateBody(fields, values, values, 3)).toEqual({ version: 3 });
  });

  it('takes durations as planners type them (a day is 8 working hours) and lists one item a line', () => {
    const typed = { durationMinutes: '半天', materials: '表箱 4 个\n\n', tools: ' 电缆盘支架 \n' };
    expect(validateForm(fields, typed, 'create')).toEqual({});
    expect(createBody(fields, typed)).toEqual({
      durationMinutes: 240,
      materials: [{ name: '表箱', quantity: 4, unit: '个' }],
      tools: ['电缆盘支架'],
    });
    expect(createBody(fields, { ...typed, durationMinutes: '3d' })['durationMinutes']).toBe(1440);
    expect(createBody(fields, { ...typed, durationMinutes: '4h' })['durationMinutes']).toBe(240);
    const cleared = updateBody(fields, formValuesOf(fields, stored), { ...typed, materials: '', tools: '' }, 1);
    expect(cleared).toMatchObject({ materials: [], tools: [], durationMinutes: 240 });
  });

  it('refuses what is not a duration, and a line too long, before sending', () => {
    const errors = validateForm(fields, { durationMinutes: '三斤', tools: 'x'.repeat(201) }, 'create');
    expect(errors['durationMinutes']).toEqual([{ key: 'setup.workSteps.durationErrors.invalid' }]);
    expect(errors['tools']).toEqual([{ key: 'setup.workSteps.lineTooLong', params: { max: 200 } }]);
    expect(validateForm(fields, { durationMinutes: '' }, 'create')['durationMinutes']).toEqual([
      { key: 'setup.errors.required' },
    ]);
  });
});
