import { AuditAction } from '@worksite/shared-domain';
import { AuditRecord, cancelOut, inverseOf, NotUndoable } from './change-set-inverse';

const entry = (
  entityId: string,
  action: AuditAction,
  rowVersion: number,
  changes: AuditRecord['changes'],
  entity = 'task',
): AuditRecord => ({ entity, entityId, action, changes, rowVersion, projectId: 'p' });

describe('inverseOf: the inverse operations of a change set', () => {
  it('puts an edited task back to its values before the first change, at its version after the last', () => {
    const inverses = inverseOf([
      entry('a', AuditAction.Update, 3, { plannedStart: { before: 'S2', after: 'S3' } }),
      entry('a', AuditAction.Update, 2, {
        plannedStart: { before: 'S1', after: 'S2' },
        title: { before: 'x', after: 'y' },
      }),
      entry('b', AuditAction.Update, 5, { plannedStart: { before: 'B1', after: 'B2' } }),
    ]);
    expect(inverses).toEqual([
      {
        kind: 'restore',
        entity: 'task',
        id: 'a',
        projectId: 'p',
        version: 3,
        values: { plannedStart: 'S1', title: 'x' },
      },
      { kind: 'restore', entity: 'task', id: 'b', projectId: 'p', version: 5, values: { plannedStart: 'B1' } },
    ]);
  });

  it('deletes what was created, recreates what was deleted, and leaves a row created and deleted alone', () => {
    const inverses = inverseOf([
      entry('new', AuditAction.Create, 1, { title: { after: '新' } }),
      entry('new', AuditAction.Update, 2, { plannedStart: { before: 'S1', after: 'S2' } }),
      entry('gone', AuditAction.Update, 4, { title: { before: '旧', after: '改' } }),
      entry('gone', AuditAction.Delete, 4, { title: { before: '改' }, crewId: { before: 'c' } }),
      entry('brief', AuditAction.Create, 1, { title: { after: '临时' } }),
      entry('brief', AuditAction.Delete, 1, { title: { before: '临时' } }),
      entry('link', AuditAction.Delete, 1, { predecessorId: { before: 'a' } }, 'dependency'),
    ]);
    expect(inverses).toEqual([
      { kind: 'delete', entity: 'task', id: 'new', projectId: 'p', version: 2 },
      {
        kind: 'recreate',
        entity: 'task',
        id: 'gone',
        projectId: 'p',
        version: 5,
        values: { title: '旧', crewId: 'c' },
      },
      {
        kind: 'recreate',
        entity: 'dependency',
        id: 'link',
        projectId: 'p',
        version: 2,
        values: { predecessorId: 'a' },
      },
    ]);
  });

  it('refuses change sets with other entities, or entries written before undo existed', () => {
    expect(() => inverseOf([entry('c', AuditAction.Update, 2, {}, 'crew')])).toThrow(NotUndoable);
    expect(() => inverseOf([{ ...entry('a', AuditAction.Update, 2, {}), rowVersion: null }])).toThrow(NotUndoable);
  });
});

describe('cancelOut: whether the change sets that wrote a row since cancel each other', () => {
  const set = (id: string, revertsId: string | null, revertedById: string | null) => ({ id, revertsId, revertedById });

  it('is true for edits each undone (edit → undo, edit → undo → redo → undo)', () => {
    expect(cancelOut([set('e', null, 'u'), set('u', 'e', null)])).toBe(true);
    expect(cancelOut([set('e', null, 'u'), set('u', 'e', 'r'), set('r', 'u', 'u2'), set('u2', 'r', null)])).toBe(true);
    expect(cancelOut([])).toBe(true);
  });

  it('is false when an edit stands (not undone, redone, or an undo of something older)', () => {
    expect(cancelOut([set('e', null, null)])).toBe(false);
    expect(cancelOut([set('e', null, 'u'), set('u', 'e', 'r'), set('r', 'u', null)])).toBe(false);
    expect(cancelOut([set('u', 'older', null)])).toBe(false);
    expect(cancelOut([set('e', null, 'u'), set('u', 'e', null), set('f', null, null)])).toBe(false);
  });
});
