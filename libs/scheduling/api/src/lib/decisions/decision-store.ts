import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@worksite/auth-access';
import { AuditEntryEntity, ConflictDecisionEntity, TaskEntity } from '@worksite/server-data-access';
import { DecidedTaskState } from '@worksite/shared-domain';
import { EntityManager, In } from 'typeorm';
import { DecisionEdit, staleTasks, taskStateOf } from './decision-rules';

/** A decision row before it is inserted (id and time come from the database). */
export type NewDecision = Omit<
  ConflictDecisionEntity,
  'id' | 'decidedAt' | 'project' | 'assigneeUser' | 'assigneeDepartment' | 'auditEntry' | 'reopens' | 'decidedBy'
> & { decidedAt?: Date };

/**
 * The stored decisions on a project's clashes. A decision whose tasks changed since is
 * reopened by a row of its own (by the system, naming the changed tasks) the first time
 * anyone looks at it, so the history says when the clash came back and why.
 */
@Injectable()
export class DecisionStore {
  /** The latest decision of each of these clashes (after reopening the stale ones). */
  async current(manager: EntityManager, projectId: string, keys: readonly string[]) {
    const latest = await this.latest(manager, projectId, keys);
    const reopenings = await this.reopeningsOf(manager, [...latest.values()]);
    if (reopenings.length === 0) return latest;
    // Another reader may reopen the same decision at once: the unique reopens_id lets one row in.
    await manager.createQueryBuilder().insert().into(ConflictDecisionEntity).values(reopenings).orIgnore().execute();
    return this.latest(manager, projectId, keys);
  }

  /** Every decision on one clash, oldest first (after reopening a stale latest one). */
  async history(manager: EntityManager, projectId: string, key: string): Promise<ConflictDecisionEntity[]> {
    await this.current(manager, projectId, [key]);
    return manager.find(ConflictDecisionEntity, {
      where: { projectId, conflictKey: key },
      order: { decidedAt: 'ASC', id: 'ASC' },
    });
  }

  /** Reopenings owed by decisions whose tasks changed since, to be inserted before anything else is decided. */
  async reopeningsOf(manager: EntityManager, decisions: readonly ConflictDecisionEntity[]): Promise<NewDecision[]> {
    const open = decisions.filter((row) => row.action !== 'reopen');
    if (open.length === 0) return [];
    const states = await this.taskStates(manager, [...new Set(open.flatMap((row) => row.taskIds))]);
    return open.flatMap((row) => {
      const changed = staleTasks(row, (id) => states.get(id)?.fingerprint);
      return changed.length ? [reopening(row, changed, states)] : [];
    });
  }

  /** Version and fingerprint of each of these tasks that still exists. */
  async taskStates(manager: EntityManager, taskIds: readonly string[]): Promise<Map<string, DecidedTaskState>> {
    if (taskIds.length === 0) return new Map();
    const tasks = await manager.find(TaskEntity, { where: { id: In([...taskIds]) } });
    return new Map(tasks.map((task) => [task.id, taskStateOf(task)]));
  }

  /** The edits that resolutions point at, by audit entry id. */
  async edits(manager: EntityManager, rows: readonly ConflictDecisionEntity[]): Promise<Map<string, DecisionEdit>> {
    const ids = [...new Set(rows.flatMap((row) => (row.auditEntryId ? [row.auditEntryId] : [])))];
    if (ids.length === 0) return new Map();
    const entries = await manager.find(AuditEntryEntity, { where: { id: In(ids) } });
    return new Map(entries.map((entry) => [entry.id, entry]));
  }

  private async latest(manager: EntityManager, projectId: string, keys: readonly string[]) {
    if (keys.length === 0) return new Map<string, ConflictDecisionEntity>();
    const rows = await manager
      .createQueryBuilder(ConflictDecisionEntity, 'd')
      .distinctOn(['d.conflictKey'])
      .where('d.projectId = :projectId AND d.conflictKey = ANY(:keys)', { projectId, keys: [...keys] })
      .orderBy('d.conflictKey')
      .addOrderBy('d.decidedAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.conflictKey, row]));
  }
}

/** The system's reopening of a decision whose tasks changed. */
function reopening(
  row: ConflictDecisionEntity,
  changed: string[],
  states: ReadonlyMap<string, DecidedTaskState>,
): NewDecision {
  return {
    projectId: row.projectId,
    conflictKey: row.conflictKey,
    kind: row.kind,
    action: 'reopen',
    reason: null,
    assigneeUserId: null,
    assigneeDepartmentId: null,
    assigneeName: null,
    auditEntryId: null,
    changeSetId: null,
    taskIds: row.taskIds,
    taskStates: Object.fromEntries(
      row.taskIds.flatMap((id) => {
        const state = states.get(id);
        return state ? [[id, state]] : [];
      }),
    ),
    changedTaskIds: changed,
    reopensId: row.id,
    decidedById: null,
    decidedByName: SYSTEM_ACTOR.name,
  };
}
