import { diffRows } from './audit';

describe('diffRows', () => {
  it('lists only the changed fields with before and after, dates as ISO strings', () => {
    const before = {
      id: 'x',
      title: '敷设电缆',
      progress: 10,
      plannedStart: new Date('2026-12-01T00:00:00Z'),
      version: 1,
    };
    const after = {
      id: 'x',
      title: '敷设电缆',
      progress: 40,
      plannedStart: new Date('2026-12-02T00:00:00Z'),
      version: 2,
    };
    expect(diffRows(before, after)).toEqual({
      progress: { before: 10, after: 40 },
      plannedStart: { before: '2026-12-01T00:00:00.000Z', after: '2026-12-02T00:00:00.000Z' },
    });
  });

  it('compares arrays and objects by value and never records secrets', () => {
    expect(diffRows({ tools: ['钳子'], secret: 'a' }, { tools: ['钳子'], secret: 'b' })).toEqual({});
    expect(diffRows({ tools: ['钳子'] }, { tools: ['钳子', '梯子'] })).toEqual({
      tools: { before: ['钳子'], after: ['钳子', '梯子'] },
    });
  });

  it('records a creation as after-values only and a deletion as before-values only', () => {
    expect(diffRows(undefined, { name: '电缆一班', secret: 's' })).toEqual({ name: { after: '电缆一班' } });
    expect(diffRows({ name: '电缆一班' }, undefined)).toEqual({ name: { before: '电缆一班' } });
  });
});
