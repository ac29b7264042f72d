import { Actor } from '@worksite/auth-access';
import { AuditChanges, preparedQuery } from '@worksite/server-data-access';
import { AuditAction } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';
import {
  changeSetOf,
  changeSetRegistered,
  changeSetToRegister,
  currentChangeSetId,
  recordedActorId,
  REGISTER_CHANGE_SET,
  RegisteredChangeSet,
} from './change-set';

/** Columns never written to the audit trail: secrets, and bookkeeping every write changes. */
const NOT_AUDITED = new Set(['secret', 'passwordHash', 'updatedAt', 'createdAt', 'version']);

const comparable = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/** The fields that differ between two versions of a row, with their values before and after. */
export function diffRows(before: object | undefined, after: object | undefined): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (NOT_AUDITED.has(key) || key === 'id') continue;
    const old = comparable((before as Record<string, unknown> | undefined)?.[key]);
    const now = comparable((after as Record<string, unknown> | undefined)?.[key]);
    if (typeof old === 'object' || typeof now === 'object') {
      if (JSON.stringify(old) === JSON.stringify(now)) continue;
    } else if (old === now) continue;
    changes[key] = { ...(before ? { before: old ?? null } : {}), ...(after ? { after: now ?? null } : {}) };
  }
  return changes;
}

/** One change for the audit trail. */
export interface AuditInput {
  actor: Actor;
  action: AuditAction;
  entity: string;
  entityId: string;
  projectId: string | null;
  before?: object;
  after?: object;
  /** The row's version after the change (default: the `version` of `after`, else of `before`). */
  version?: number;
}

/** Records a change in the audit trail, inside the transaction of the change itself. */
export async function recordAudit(manager: EntityManager, entry: AuditInput): Promise<void> {
  await recordAudits(manager, [entry]);
}

const AUDIT_CHUNK = 1_000;

/**
 * Records many changes with a few INSERTs (one per 1,000), in the caller's transaction; updates
 * that change nothing are left out. Each entry names the request's change set (X-Change-Set)
 * and the row's version after the change, so that an undo can invert it. The rows go as one
 * JSON parameter: TypeORM's multi-row insert spent ~20 ms building the statement of a push
 * of 900 tasks. When the transaction has not registered its change set yet, the first INSERT
 * does (a CTE): an edit's audit is one round trip, not two, while it holds its project's lock.
 */
export async function recordAudits(manager: EntityManager, entries: readonly AuditInput[]): Promise<void> {
  const kept = entries
    .map((entry) => ({ entry, changes: diffRows(entry.before, entry.after) }))
    .filter(({ entry, changes }) => entry.action !== AuditAction.Update || Object.keys(changes).length > 0);
  if (kept.length === 0) return;
  // The change set is registered by the first INSERT itself when this transaction has not yet.
  const first = kept[0].entry;
  const pending = changeSetToRegister(manager, first.actor, first.projectId);
  const changeSetId = pending?.id ?? currentChangeSetId();
  const rows: AuditRow[] = kept.map(({ entry, changes }) => ({
    change_set_id: changeSetId,
    row_version: entry.version ?? versionOf(entry.after) ?? versionOf(entry.before),
    actor_id: recordedActorId(entry.actor),
    actor_name: entry.actor.name,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    project_id: entry.projectId,
    changes,
  }));
  for (let at = 0; at < rows.length; at += AUDIT_CHUNK) {
    const chunk = JSON.stringify(rows.slice(at, at + AUDIT_CHUNK));
    if (at === 0 && pending) {
      const [registered] = (await preparedQuery(manager, REGISTERING_AUDIT_INSERT, [
        ...pending.parameters,
        chunk,
      ])) as RegisteredChangeSet[];
      changeSetRegistered(manager, first.actor, registered);
    } else {
      await preparedQuery(manager, AUDIT_INSERT, [chunk]);
    }
  }
}

/** Who an audit row names: the actor, and the request's change set (registered in the transaction). */
export interface AuditAuthor {
  actorId: string | null;
  actorName: string;
  changeSetId: string | null;
}

/**
 * The author of audit rows a caller writes in its own statement (a multi-row UPDATE that inserts
 * its audit rows from its RETURNING), as recordAudits fills them in.
 */
export async function auditAuthor(
  manager: EntityManager,
  actor: Actor,
  projectId: string | null,
): Promise<AuditAuthor> {
  return {
    actorId: recordedActorId(actor),
    actorName: actor.name,
    changeSetId: await changeSetOf(manager, actor, projectId),
  };
}

/** A row of audit_entries as inserted (id and time are the database's defaults). */
interface AuditRow {
  actor_id: string | null;
  actor_name: string;
  action: AuditAction;
  entity: string;
  entity_id: string;
  project_id: string | null;
  changes: AuditChanges;
  change_set_id: string | null;
  row_version: number | null;
}

const AUDIT_COLUMNS =
  'actor_id, actor_name, action, entity, entity_id, project_id, changes, change_set_id, row_version';

/** Inserts the audit rows given as a JSON array (parameter `$n`). */
const auditInsert = (n: number) => `INSERT INTO audit_entries (${AUDIT_COLUMNS}) SELECT ${AUDIT_COLUMNS}
  FROM jsonb_to_recordset($${n}::jsonb) AS r(actor_id uuid, actor_name text, action audit_action, entity text,
       entity_id uuid, project_id uuid, changes jsonb, change_set_id uuid, row_version integer)`;

const AUDIT_INSERT = auditInsert(1);

/** The audit rows ($5) inserted by the statement that registers the change set ($1–$4); answers as REGISTER_CHANGE_SET. */
const REGISTERING_AUDIT_INSERT = `WITH registered AS (${REGISTER_CHANGE_SET}), audited AS (${auditInsert(5)})
  SELECT * FROM registered`;

function versionOf(row: object | undefined): number | null {
  const version = (row as { version?: unknown } | undefined)?.version;
  return typeof version === 'number' ? version : null;
}
