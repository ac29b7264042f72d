import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, Problem, problem, recordAudit } from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { refuseUnlessPlanner } from '../planner-only';
import { Conflict } from '@worksite/scheduling-engine';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import {
  AuditEntryEntity,
  ChangeSetEntity,
  ConflictDecisionEntity,
  DepartmentEntity,
  UserEntity,
} from '@worksite/server-data-access';
import {
  AuditAction,
  ConflictAssigneesDto,
  ConflictDecisionDto,
  ConflictDecisionRequest,
  stateAfter,
} from '@worksite/shared-domain';
import { EntityManager, In } from 'typeorm';
import { ConflictsService, DetectedConflicts } from '../conflicts/conflicts.service';
import { decisionDto, decisionProblems } from './decision-rules';
import { DecisionStore, NewDecision } from './decision-store';

/** Entities whose edits can resolve a clash (a moved task, a changed link). */
const RESOLVING_EDITS = ['task', 'dependency'];

/** Deciding clashes (accept, resolve, escalate, reopen), their history, and whom to escalate to. */
@Injectable()
export class ConflictDecisionsService {
  constructor(
    private readonly networks: ProjectNetworkService,
    private readonly conflicts: ConflictsService,
    private readonly store: DecisionStore,
  ) {}

  /**
   * Records a decision on a clash of the plan as stored, made against the versions of its
   * tasks the user saw (409 naming the tasks that changed since). One decision per clash at a
   * time (an advisory lock on the clash); a stale earlier decision is reopened first, so the
   * history shows it. Planners only (403), on a project the actor sees (404).
   */
  decide(projectId: string, actor: Actor, body: ConflictDecisionRequest): Promise<ConflictDecisionDto> {
    return this.networks.write(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      refuseUnlessPlanner(Resource.ConflictDecision, actor, projectId);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`conflict|${projectId}|${body.key}`]);
      const detected = await this.conflicts.wholeProject(manager, projectId);
      const conflict = detected.conflicts.find((candidate) => candidate.key === body.key);
      if (!conflict) {
        throw new ApiError(HttpStatus.NOT_FOUND, 'conflict_not_found', {
          key: 'conflict_not_found',
          params: { key: body.key },
        });
      }
      checkRequest(body, conflict, detected);

      const [latest] = await this.latest(manager, projectId, body.key);
      const reopenings = await this.store.reopeningsOf(manager, latest ? [latest] : []);
      const state = reopenings.length || !latest ? 'open' : stateAfter(latest.action);
      if (body.action === 'reopen' && state === 'open') {
        throw ApiError.conflict('conflict_already_open', 'conflict_already_open');
      }
      const assignee = body.action === 'escalate' ? await assigneeOf(manager, body) : null;
      const edit = body.action === 'resolve' ? await resolvingEdit(manager, projectId, body, conflict, detected) : null;

      for (const row of reopenings) await manager.insert(ConflictDecisionEntity, row);
      const decision: NewDecision = {
        projectId,
        conflictKey: conflict.key,
        kind: conflict.kind,
        action: body.action,
        reason: body.reason?.trim() || null,
        assigneeUserId: assignee?.userId ?? null,
        assigneeDepartmentId: assignee?.departmentId ?? null,
        assigneeName: assignee?.name ?? null,
        auditEntryId: edit?.id ?? null,
        changeSetId: edit?.changeSetId ?? null,
        taskIds: [...conflict.taskIds],
        taskStates: Object.fromEntries(
          conflict.taskIds.map((id) => {
            const task = detected.tasks.get(id);
            return [id, { version: task?.version ?? 0, fingerprint: task?.fingerprint ?? '' }];
          }),
        ),
        changedTaskIds: [],
        reopensId: body.action === 'reopen' ? (latest?.id ?? null) : null,
        decidedById: actor.id,
        decidedByName: actor.name,
      };
      const { identifiers } = await manager.insert(ConflictDecisionEntity, decision);
      const saved = await manager.findOneByOrFail(ConflictDecisionEntity, { id: identifiers[0]['id'] as string });
      await recordAudit(manager, {
        actor,
        action: AuditAction.Create,
        entity: Resource.ConflictDecision,
        entityId: saved.id,
        projectId,
        after: { key: saved.conflictKey, action: saved.action, reason: saved.reason, assigneeName: saved.assigneeName },
      });
      return decisionDto(saved, edit);
    });
  }

  /**
   * Every decision on a clash, oldest first: for anyone who sees the project and one of the
   * clash's tasks (an agency reads the decisions on clashes with its own tasks); none otherwise.
   */
  history(projectId: string, actor: Actor, key: string): Promise<{ items: ConflictDecisionDto[] }> {
    return this.networks.write(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      const rows = (await this.store.history(manager, projectId, key)).filter((row) => row.taskIds.some(visible));
      const edits = await this.store.edits(manager, rows);
      return { items: rows.map((row) => decisionDto(row, row.auditEntryId ? edits.get(row.auditEntryId) : null)) };
    });
  }

  /** Who a planner can escalate to: active administrators, the project's coordinators, agency users; all departments. */
  assignees(projectId: string, actor: Actor): Promise<ConflictAssigneesDto> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      refuseUnlessPlanner(Resource.ConflictDecision, actor, projectId);
      const users: { id: string; name: string; role: string; department_name: string | null }[] = await manager.query(
        `SELECT u.id, u.display_name AS name, u.role, d.name AS department_name
           FROM users u LEFT JOIN departments d ON d.id = u.department_id
          WHERE u.active AND (u.role IN ('admin', 'agency')
                OR (u.role = 'coordinator' AND u.id IN (SELECT user_id FROM user_projects WHERE project_id = $1)))
          ORDER BY u.role, u.display_name LIMIT 500`,
        [projectId],
      );
      const departments = await manager.find(DepartmentEntity, { order: { name: 'ASC' } });
      return {
        users: users.map((user) => ({
          id: user.id,
          name: user.name,
          role: user.role,
          departmentName: user.department_name,
        })),
        departments: departments.map((department) => ({
          id: department.id,
          name: department.name,
          kind: department.kind,
        })),
      };
    });
  }

  private latest(manager: EntityManager, projectId: string, key: string): Promise<ConflictDecisionEntity[]> {
    return manager.find(ConflictDecisionEntity, {
      where: { projectId, conflictKey: key },
      order: { decidedAt: 'DESC', id: 'DESC' },
      take: 1,
    });
  }
}

/** A 400 listing field problems, worded like the validation pipe's. */
const invalid = (problems: Problem[]) =>
  ApiError.badRequest({ key: 'validation_failed', params: { fields: problems.map((p) => p.field) } }, problems);

/** The request's fields for its action (400), then the versions it was made against (409). */
function checkRequest(body: ConflictDecisionRequest, conflict: Conflict, detected: DetectedConflicts): void {
  const title = (id: string) => detected.tasks.get(id)?.title ?? id;
  const problems = decisionProblems(body, conflict.taskIds, conflict.taskIds.map(title));
  if (problems.length) throw invalid(problems);
  const changed = conflict.taskIds.filter((id) => body.taskVersions[id] !== detected.tasks.get(id)?.version);
  if (changed.length) {
    throw ApiError.conflict(
      'conflict_decision_stale',
      { key: 'conflict_decision_stale', params: { tasks: changed.map(title).join('、') } },
      { tasks: changed.map((id) => ({ id, title: title(id), version: detected.tasks.get(id)?.version })) },
    );
  }
}

/** The user or department a clash is escalated to, with the name kept in the record. */
async function assigneeOf(
  manager: EntityManager,
  body: ConflictDecisionRequest,
): Promise<{ userId: string | null; departmentId: string | null; name: string }> {
  if (body.assigneeUserId) {
    const user = await manager.findOneBy(UserEntity, { id: body.assigneeUserId });
    if (!user) throw ApiError.missingReference('assigneeUserId', 'user');
    if (!user.active) {
      throw ApiError.badRequest({ key: 'conflict_assignee_inactive', params: { name: user.displayName } }, [
        problem('assigneeUserId', 'conflict_assignee_inactive', { name: user.displayName }),
      ]);
    }
    return { userId: user.id, departmentId: null, name: user.displayName };
  }
  const department = await manager.findOneBy(DepartmentEntity, { id: body.assigneeDepartmentId ?? '' });
  if (!department) throw ApiError.missingReference('assigneeDepartmentId', 'department');
  return { userId: null, departmentId: department.id, name: department.name };
}

/**
 * The edit a resolution points at, with its change set (the user action it belongs to): the
 * audit entry given (an edit of a task or link of this project), else the change set given
 * (one that exists and wrote one of the clash's tasks or their links: its latest such entry),
 * else the latest edit of one of the clash's tasks; none given nor made is a 422.
 */
async function resolvingEdit(
  manager: EntityManager,
  projectId: string,
  body: ConflictDecisionRequest,
  conflict: Conflict,
  detected: DetectedConflicts,
): Promise<AuditEntryEntity> {
  if (body.auditEntryId) {
    const entry = await manager.findOneBy(AuditEntryEntity, {
      id: body.auditEntryId,
      projectId,
      entity: In(RESOLVING_EDITS),
    });
    if (!entry) throw invalid([problem('auditEntryId', 'editOfOtherTasks')]);
    if (body.changeSetId && entry.changeSetId !== body.changeSetId) {
      throw invalid([problem('changeSetId', 'changeSetNotOfEdit')]);
    }
    return entry;
  }
  if (body.changeSetId) {
    if (!(await manager.existsBy(ChangeSetEntity, { id: body.changeSetId }))) {
      throw invalid([problem('changeSetId', 'changeSetUnknown')]);
    }
    const entry = await latestEditTouching(manager, projectId, conflict.taskIds, body.changeSetId);
    if (!entry) {
      const tasks = conflict.taskIds.map((id) => detected.tasks.get(id)?.title ?? id).join('、');
      throw invalid([problem('changeSetId', 'changeSetOfOtherTasks', { tasks })]);
    }
    return entry;
  }
  const [latest] = await manager.find(AuditEntryEntity, {
    where: { entity: 'task', entityId: In([...conflict.taskIds]) },
    order: { at: 'DESC', id: 'DESC' },
    take: 1,
  });
  if (!latest) {
    throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'conflict_resolve_no_edit', 'conflict_resolve_no_edit');
  }
  return latest;
}

/**
 * The latest entry of a change set, in this project, that wrote one of these tasks or a link
 * of one of them (a link as it is now, or as its entry names its ends when made or deleted).
 */
async function latestEditTouching(
  manager: EntityManager,
  projectId: string,
  taskIds: readonly string[],
  changeSetId: string,
): Promise<AuditEntryEntity | null> {
  const ends = (side: string) =>
    `a.changes -> '${side}' ->> 'after' = ANY($4::text[]) OR a.changes -> '${side}' ->> 'before' = ANY($4::text[])`;
  const rows: { id: string }[] = await manager.query(
    `SELECT a.id FROM audit_entries a
      WHERE a.change_set_id = $1 AND a.project_id = $2
        AND ((a.entity = 'task' AND a.entity_id = ANY($3::uuid[]))
          OR (a.entity = 'dependency' AND (
                a.entity_id IN (SELECT id FROM dependencies
                                 WHERE predecessor_id = ANY($3::uuid[]) OR successor_id = ANY($3::uuid[]))
                OR ${ends('predecessorId')} OR ${ends('successorId')})))
      ORDER BY a.at DESC, a.id DESC LIMIT 1`,
    [changeSetId, projectId, [...taskIds], [...taskIds]],
  );
  return rows.length ? manager.findOneByOrFail(AuditEntryEntity, { id: rows[0].id }) : null;
}
