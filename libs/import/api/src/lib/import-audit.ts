import { changeSetOf, diffRows } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { AuditAction } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';

/** One audit entry of a bulk write. */
export interface BulkAudit {
  action: AuditAction;
  entity: string;
  entityId: string;
  before?: object;
  after?: object;
  /** The row's version after the change. */
  version: number;
}

const CHUNK = 2_000;

/**
 * The audit entries of one kind of row a bulk write deleted, updated and created: a deleted
 * row whole (an undo recreates it), an updated one by `fields` before and after, a created one
 * by `fields`.
 */
export function auditsOf<T extends { id: string; version: number }>(
  entity: string,
  rows: { deleted: readonly T[]; updated: readonly { before: T; after: T }[]; created: readonly T[] },
  fields: (row: NoInfer<T>) => object,
): BulkAudit[] {
  return [
    ...rows.deleted.map((row) => ({
      action: AuditAction.Delete,
      entity,
      entityId: row.id,
      before: { ...row },
      version: row.version,
    })),
    ...rows.updated.map(({ before, after }) => ({
      action: AuditAction.Update,
      entity,
      entityId: after.id,
      before: fields(before),
      after: fields(after),
      version: before.version + 1,
    })),
    ...rows.created.map((row) => ({
      action: AuditAction.Create,
      entity,
      entityId: row.id,
      after: fields(row),
      version: 1,
    })),
  ];
}

/**
 * Records many audit entries in the caller's transaction with a few multi-row INSERTs
 * (recordAudit writes one row per call: 10,000 imported tasks would be 10,000 round trips).
 * Updates that change nothing are left out, as recordAudit does.
 */
export async function recordAudits(
  manager: EntityManager,
  actor: Actor,
  projectId: string,
  entries: readonly BulkAudit[],
): Promise<void> {
  const rows = entries
    .map((entry) => ({ entry, changes: diffRows(entry.before, entry.after) }))
    .filter(({ entry, changes }) => entry.action !== AuditAction.Update || Object.keys(changes).length > 0)
    .map(({ entry, changes }) => ({
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      row_version: entry.version,
      changes,
    }));
  if (rows.length === 0) return;
  // The request's change set (undo), registered once for the transaction.
  const changeSetId = await changeSetOf(manager, actor, projectId);
  // One JSON parameter per chunk: TypeORM's multi-row insert builds its parameters slowly at this size.
  for (let at = 0; at < rows.length; at += CHUNK) {
    await manager.query(
      `INSERT INTO audit_entries (actor_id, actor_name, action, entity, entity_id, project_id, changes, change_set_id, row_version)
       SELECT $1::uuid, $2, m.action::audit_action, m.entity, m.entity_id, $3::uuid, m.changes, $5::uuid, m.row_version
         FROM jsonb_to_recordset($4::jsonb) AS m(action text, entity text, entity_id uuid, changes jsonb, row_version int)`,
      [
        actor.sessionId ? actor.id : null,
        actor.name,
        projectId,
        JSON.stringify(rows.slice(at, at + CHUNK)),
        changeSetId,
      ],
    );
  }
}
