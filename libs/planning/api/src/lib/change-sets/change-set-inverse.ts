import { AuditAction } from '@worksite/shared-domain';

/** The rows an undo can put back. */
export const UNDOABLE = ['task', 'dependency'] as const;
export type UndoableEntity = (typeof UNDOABLE)[number];

/** What an undo reads of an audit entry. */
export interface AuditRecord {
  entity: string;
  entityId: string;
  action: AuditAction;
  changes: Record<string, { before?: unknown; after?: unknown }>;
  rowVersion: number | null;
  projectId: string | null;
}

/**
 * One row's inverse operation, each conditional on the row being as the change set left it:
 * `delete` a created row (at `version`), `restore` the fields an update changed to their values
 * before (at `version`, then version + 1), `recreate` a deleted row (absent, then inserted at
 * `version`) with its id and every field it had.
 */
export type Inverse =
  | { kind: 'delete'; entity: UndoableEntity; id: string; projectId: string | null; version: number }
  | (WithValues & { kind: 'restore' })
  | (WithValues & { kind: 'recreate' });

interface WithValues {
  entity: UndoableEntity;
  id: string;
  projectId: string | null;
  version: number;
  values: Record<string, unknown>;
}

/** A change set holds what an undo cannot put back: another entity, or entries from before undo existed. */
export class NotUndoable extends Error {
  constructor(readonly entity: string) {
    super(`not undoable: ${entity}`);
  }
}

const RANK: Record<AuditAction, number> = { [AuditAction.Create]: 0, [AuditAction.Update]: 1, [AuditAction.Delete]: 2 };

/**
 * The inverse operations of a change set's audit entries, one per row that the change set
 * changed in the end: a row created and deleted in it is left alone; a row changed several
 * times (an edited task that the re-scheduling then moved) goes back to its values before the
 * first change, conditional on its version after the last.
 */
export function inverseOf(entries: readonly AuditRecord[]): Inverse[] {
  const rows = new Map<string, AuditRecord[]>();
  for (const entry of entries) {
    if (!(UNDOABLE as readonly string[]).includes(entry.entity) || entry.rowVersion === null) {
      throw new NotUndoable(entry.entity);
    }
    const key = `${entry.entity}:${entry.entityId}`;
    rows.set(key, [...(rows.get(key) ?? []), entry]);
  }
  const inverses: Inverse[] = [];
  for (const list of rows.values()) {
    const ordered = [...list].sort(
      (a, b) => (a.rowVersion as number) - (b.rowVersion as number) || RANK[a.action] - RANK[b.action],
    );
    const first = ordered[0];
    const last = ordered[ordered.length - 1];
    const created = first.action === AuditAction.Create;
    const deleted = last.action === AuditAction.Delete;
    if (created && deleted) continue;
    const base = {
      entity: first.entity as UndoableEntity,
      id: first.entityId,
      projectId: first.projectId,
    };
    if (created) {
      inverses.push({ ...base, kind: 'delete', version: last.rowVersion as number });
      continue;
    }
    inverses.push({
      ...base,
      kind: deleted ? ('recreate' as const) : ('restore' as const),
      version: (last.rowVersion as number) + (deleted ? 1 : 0),
      values: valuesBefore(ordered),
    });
  }
  return inverses;
}

/** Each field's value before the first entry that changed it. */
function valuesBefore(ordered: readonly AuditRecord[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (let i = ordered.length - 1; i >= 0; i--) {
    for (const [field, change] of Object.entries(ordered[i].changes)) {
      if ('before' in change) values[field] = change.before;
    }
  }
  return values;
}

/** A change set as the staleness check sees it: which one it undid, which one undid it. */
export interface ChangeSetLink {
  id: string;
  revertsId: string | null;
  revertedById: string | null;
}

/**
 * True when the change sets that wrote a row since cancel each other out: each edit was undone
 * by another of them, each redo undone again (chains edit → undo → redo → undo … of even
 * length). Undoing edits one after the other, newest first, leaves each row as the earlier
 * edit left it, at a later version: that row is unchanged, not stale.
 */
export function cancelOut(sets: readonly ChangeSetLink[]): boolean {
  const byId = new Map(sets.map((set) => [set.id, set]));
  for (const set of byId.values()) {
    if (set.revertsId && byId.has(set.revertsId)) continue;
    let length = 1;
    let current = set;
    while (current.revertedById && byId.has(current.revertedById)) {
      current = byId.get(current.revertedById) as ChangeSetLink;
      length++;
    }
    if (length % 2 === 1) return false;
  }
  return true;
}
