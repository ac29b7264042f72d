import {
  createBody,
  keepEdits,
  FieldDef,
  fieldErrors,
  formValuesOf,
  serverErrors,
  updateBody,
  validateForm,
} from './form-model';
import { notBefore } from './fields';
import { passwordField } from './password-field';

const passwordFieldForTest = (): FieldDef => ({
  ...passwordField(
    () => 'zh-CN',
    (values) => String(values['username'] ?? ''),
  ),
  createOnly: true,
});

const name: FieldDef = { key: 'name', label: 'n', kind: 'text', required: true, max: 5 };
const code: FieldDef = { key: 'code', label: 'c', kind: 'text', pattern: /^[A-Z]+$/, patternMessage: 'codeFormat' };
const households: FieldDef = { key: 'households', label: 'h', kind: 'number', min: 0, max: 10 };
const start: FieldDef = { key: 'startDate', label: 's', kind: 'date', required: true };
const end: FieldDef = { key: 'endDate', label: 'e', kind: 'date', nullable: true, check: notBefore('startDate') };
const crews: FieldDef = {
  key: 'crewIds',
  label: 'c',
  kind: 'multiselect',
  visible: (values) => values['role'] === 'contractor',
  read: (record) => record['crews'],
};

describe('form model', () => {
  it('checks what the API checks: required, length, pattern, integer range, dates', () => {
    expect(fieldErrors(name, { name: ' ' })).toEqual([{ key: 'setup.errors.required' }]);
    expect(fieldErrors(name, { name: 'abcdef' })).toEqual([{ key: 'setup.errors.maxLength', params: { max: 5 } }]);
    expect(fieldErrors(code, { code: 'ab' })).toEqual([{ key: 'codeFormat' }]);
    expect(fieldErrors(code, { code: '' })).toEqual([]);
    expect(fieldErrors(households, { households: '2.5' })).toEqual([{ key: 'setup.errors.integer' }]);
    expect(fieldErrors(households, { households: '11' })).toEqual([
      { key: 'setup.errors.range', params: { min: 0, max: 10 } },
    ]);
    expect(fieldErrors(start, { startDate: '2026-02-30' })).toEqual([{ key: 'setup.errors.date' }]);
    expect(fieldErrors(end, { startDate: '2026-12-01', endDate: '2026-11-30' })).toEqual([
      { key: 'setup.errors.notBefore' },
    ]);
    expect(fieldErrors(end, { startDate: '2026-12-01', endDate: '2026-12-01' })).toEqual([]);
  });

  it('checks only the fields shown (a contractor has crews, a coordinator not)', () => {
    const required = { ...crews, required: true };
    expect(validateForm([required], { role: 'coordinator', crewIds: [] }, 'create')).toEqual({});
    expect(validateForm([required], { role: 'contractor', crewIds: [] }, 'create')).toEqual({
      crewIds: [{ key: 'setup.errors.required' }],
    });
  });

  it('leaves create-only fields out of the edit form', () => {
    const password = passwordFieldForTest();
    expect(validateForm([password], { password: '' }, 'create')).toHaveProperty('password');
    expect(validateForm([password], { password: '' }, 'edit')).toEqual({});
  });

  it('places the API problems at their top-level fields, as the server wrote them', () => {
    expect(
      serverErrors([
        { field: 'address', messages: ['地址必须是 https://'] },
        { field: 'weeklyWindows.1.0.start', messages: ['时间格式'] },
        { field: 'weeklyWindows.2.0.end', messages: ['时间格式2'] },
      ]),
    ).toEqual({
      address: [{ text: '地址必须是 https://' }],
      weeklyWindows: [{ text: '时间格式' }, { text: '时间格式2' }],
    });
  });

  it('creates with the values given, numbers as numbers, without the hidden fields', () => {
    const fields = [name, households, end, crews];
    expect(
      createBody(fields, { name: ' 八经 ', households: '12', endDate: '', role: 'viewer', crewIds: ['c1'] }),
    ).toEqual({
      name: '八经',
      households: 12,
      endDate: null,
    });
  });

  it('patches only what changed, with the version read; cleared values as "" or null', () => {
    const fields = [name, households, end, { key: 'contactName', label: 'c', kind: 'text' } as FieldDef];
    const initial = formValuesOf(fields, { name: 'A', households: 3, endDate: '2026-12-31', contactName: '王' });
    expect(initial).toEqual({ name: 'A', households: '3', endDate: '2026-12-31', contactName: '王' });
    expect(updateBody(fields, initial, { ...initial, households: '3' }, 4)).toEqual({ version: 4 });
    expect(updateBody(fields, initial, { ...initial, name: 'B', endDate: '', contactName: '' }, 4)).toEqual({
      name: 'B',
      endDate: null,
      contactName: '',
      version: 4,
    });
  });

  it('after a 409 keeps what the user changed and takes the rest from the stored version', () => {
    const read = { name: '电缆一班', leaderName: '王建国', leaderPhone: '' };
    const typed = { ...read, leaderName: '李强' };
    const stored = { name: '电缆一班（北）', leaderName: '赵六', leaderPhone: '139' };
    expect(keepEdits(read, typed, stored)).toEqual({ name: '电缆一班（北）', leaderName: '李强', leaderPhone: '139' });
  });

  it('reads values stored under another name (a user’s crews)', () => {
    expect(formValuesOf([crews], { crews: ['c1', 'c2'] })).toEqual({ crewIds: ['c1', 'c2'] });
  });

  it('sends blackout times as instants and shows them in datetime-local form', () => {
    const at: FieldDef = { key: 'startsAt', label: 's', kind: 'datetime' };
    const shown = formValuesOf([at], { startsAt: '2027-06-19T23:00:00.000Z' })['startsAt'] as string;
    expect(shown).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(createBody([at], { startsAt: shown })).toEqual({ startsAt: '2027-06-19T23:00:00.000Z' });
  });
});
