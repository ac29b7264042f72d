import { changeSetOf, diffRows } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { AuditEntryEntity } from '@worksite/server-data-access';
import { AuditAction } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';

/** One audit entry of a bulk write. */
export interface BulkAudit {
  action: AuditAction;
  entity: string;
  entityId: string;
  before?: object;
  after?: object;
}

const CHUNK = 2_000;

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
  // In the request's change set, with each row's version, as recordAudit does: an import can be undone.
  const changeSetId = entries.length > 0 ? await changeSetOf(manager, actor, projectId) : null;
  const rows = entries
    .map((entry) => ({ entry, changes: diffRows(entry.before, entry.after) }))
    .filter(({ entry, changes }) => entry.action !== AuditAction.Update || Object.keys(changes).length > 0)
    .map(({ entry, changes }) => ({
      actorId: actor.sessionId ? actor.id : null,
      actorName: actor.name,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      projectId,
      changes: changes as never,
      changeSetId,
      rowVersion: ((entry.after ?? entry.before) as { version?: number } | undefined)?.version ?? null,
    }));
  for (let at = 0; at < rows.length; at += CHUNK) {
    await manager.insert(AuditEntryEntity, rows.slice(at, at + CHUNK));
  }
}
