import { Problem, problem } from '@worksite/api-core';
import { AuditEntryEntity, ConflictDecisionEntity, TaskEntity } from '@worksite/server-data-access';
import {
  changedTasks,
  ConflictDecisionAction,
  ConflictDecisionDto,
  ConflictKind,
  conflictFingerprint,
  DecidedTaskState,
} from '@worksite/shared-domain';

/** What a request asks to decide, as the rules check it. */
export interface DecisionInput {
  action: ConflictDecisionAction;
  reason?: string;
  assigneeUserId?: string;
  assigneeDepartmentId?: string;
  taskVersions: Record<string, number>;
}

/** Version and fingerprint of a task: what a decision is made against. */
export function taskStateOf(task: TaskEntity): DecidedTaskState {
  return { version: task.version, fingerprint: conflictFingerprint(task) };
}

const blank = (text: string | undefined) => !text || text.trim().length === 0;

/**
 * The field problems of a decision, before anything is looked up: an acceptance gives a
 * reason, an escalation names exactly one user or department and says why, and the versions
 * name exactly the clash's tasks.
 */
export function decisionProblems(input: DecisionInput, taskIds: readonly string[], titles: string[]): Problem[] {
  const problems: Problem[] = [];
  if (input.action === 'accept' && blank(input.reason)) problems.push(problem('reason', 'reasonRequired'));
  if (input.action === 'escalate') {
    if (!!input.assigneeUserId === !!input.assigneeDepartmentId) {
      problems.push(problem('assigneeUserId', 'oneAssignee'));
    }
    if (blank(input.reason)) problems.push(problem('reason', 'noteRequired'));
  }
  const given = Object.keys(input.taskVersions).sort();
  if (given.join() !== [...taskIds].sort().join()) {
    problems.push(problem('taskVersions', 'exactTaskVersions', { tasks: titles.join('、') }));
  }
  return problems;
}

/**
 * The tasks of a decision changed since in what matters to a clash (or deleted): the decision
 * no longer holds and the clash is open again. A reopening itself never goes stale.
 */
export function staleTasks(
  decision: Pick<ConflictDecisionEntity, 'action' | 'taskStates'>,
  fingerprintOf: (taskId: string) => string | undefined,
): string[] {
  return decision.action === 'reopen' ? [] : changedTasks(decision.taskStates, fingerprintOf);
}

/** The edit a resolution points at, as people read it. */
export type DecisionEdit = Pick<AuditEntryEntity, 'id' | 'at' | 'actorName' | 'entity' | 'entityId' | 'changes'>;

export function decisionDto(row: ConflictDecisionEntity, edit?: DecisionEdit | null): ConflictDecisionDto {
  return {
    id: row.id,
    key: row.conflictKey,
    kind: row.kind as ConflictKind,
    action: row.action,
    reason: row.reason,
    assigneeUserId: row.assigneeUserId,
    assigneeDepartmentId: row.assigneeDepartmentId,
    assigneeName: row.assigneeName,
    auditEntryId: row.auditEntryId,
    changeSetId: row.changeSetId,
    edit: edit
      ? {
          at: edit.at.toISOString(),
          actorName: edit.actorName,
          entity: edit.entity,
          entityId: edit.entityId,
          fields: Object.keys(edit.changes ?? {}),
        }
      : null,
    taskIds: [...row.taskIds],
    changedTaskIds: [...row.changedTaskIds],
    reopensId: row.reopensId,
    decidedById: row.decidedById,
    decidedByName: row.decidedByName,
    decidedAt: row.decidedAt.toISOString(),
  };
}
