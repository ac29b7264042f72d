import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, problem, scopedQuery } from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { TaskEntity } from '@worksite/server-data-access';
import { mayPlanProject, Role } from '@worksite/shared-domain';
import { WeeklyPlanDto } from '@worksite/shared-make-ready';
import { DataSource, EntityManager } from 'typeorm';
import { recordFreezes } from './plan-freeze';
import { checkedWeekStart, isFrozen, projectScope, ProjectScope } from './project-scope';
import { candidatesOf, commitmentsOf } from './weekly-plan.sql';

/**
 * Weekly work plans: the tasks crews commit to for a week, frozen when the week begins.
 * Planners commit any task of their project; a crew lead commits their own crews' tasks.
 */
@Injectable()
export class WeeklyPlansService {
  constructor(private readonly dataSource: DataSource) {}

  async get(projectId: string, week: string, actor: Actor): Promise<WeeklyPlanDto> {
    const weekStart = checkedWeekStart(week);
    return this.dataSource.transaction(async (manager) => {
      const scope = await projectScope(manager, actor, projectId);
      await recordFreezes(manager, scope);
      return this.read(manager, scope, weekStart);
    });
  }

  async commit(projectId: string, week: string, taskIds: string[], actor: Actor): Promise<WeeklyPlanDto> {
    const weekStart = checkedWeekStart(week);
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.writableWeek(manager, actor, projectId, weekStart);
      await this.checkTasks(manager, scope, actor, taskIds);
      // The upsert locks the plan row: concurrent commits to one week queue here.
      const [plan]: { id: string }[] = await manager.query(
        `INSERT INTO weekly_plans (project_id, week_start) VALUES ($1, $2)
         ON CONFLICT (project_id, week_start) DO UPDATE SET version = weekly_plans.version + 1, updated_at = now()
         RETURNING id`,
        [scope.id, weekStart],
      );
      await manager.query(
        `INSERT INTO weekly_commitments (plan_id, task_id, crew_id, department_id, made_ready, committed_by_name)
         SELECT $1, t.id, t.crew_id, t.department_id,
                NOT EXISTS (SELECT 1 FROM make_ready_constraints k WHERE k.task_id = t.id AND k.status = 'open'), $3
           FROM tasks t WHERE t.id = ANY($2::uuid[])
         ON CONFLICT (plan_id, task_id) DO NOTHING`,
        [plan.id, taskIds, actor.name],
      );
      return this.read(manager, scope, weekStart);
    });
  }

  async uncommit(projectId: string, week: string, taskId: string, actor: Actor): Promise<WeeklyPlanDto> {
    const weekStart = checkedWeekStart(week);
    return this.dataSource.transaction(async (manager) => {
      const scope = await this.writableWeek(manager, actor, projectId, weekStart);
      await this.checkTasks(manager, scope, actor, [taskId]);
      const [, removed] = await manager.query(
        `DELETE FROM weekly_commitments c USING weekly_plans p
          WHERE c.plan_id = p.id AND p.project_id = $1 AND p.week_start = $2 AND c.task_id = $3`,
        [scope.id, weekStart, taskId],
      );
      if (removed !== 1) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'weekly_plan_not_committed');
      await manager.query(
        'UPDATE weekly_plans SET version = version + 1, updated_at = now() WHERE project_id = $1 AND week_start = $2',
        [scope.id, weekStart],
      );
      return this.read(manager, scope, weekStart);
    });
  }

  private async read(manager: EntityManager, scope: ProjectScope, weekStart: string): Promise<WeeklyPlanDto> {
    const [plan]: { id: string; frozenAt: Date | null }[] = await manager.query(
      'SELECT id, frozen_at AS "frozenAt" FROM weekly_plans WHERE project_id = $1 AND week_start = $2',
      [scope.id, weekStart],
    );
    return {
      projectId: scope.id,
      weekStart,
      frozen: isFrozen(weekStart, scope),
      frozenAt: plan?.frozenAt ? plan.frozenAt.toISOString() : null,
      commitments: plan ? await commitmentsOf(manager, plan.id, scope.visibleTaskIds) : [],
      candidates: await candidatesOf(manager, scope.id, weekStart, plan?.id ?? null, scope.visibleTaskIds),
    };
  }

  /** The project (404 if hidden), a role that may commit at all (403), a week not begun (409). */
  private async writableWeek(
    manager: EntityManager,
    actor: Actor,
    projectId: string,
    weekStart: string,
  ): Promise<ProjectScope> {
    const scope = await projectScope(manager, actor, projectId);
    if (!mayPlanProject(actor, scope.id) && actor.role !== Role.Contractor) throw refused();
    if (isFrozen(weekStart, scope)) {
      throw ApiError.conflict('weekly_plan_frozen', { key: 'weekly_plan_frozen', params: { week: weekStart } });
    }
    return scope;
  }

  /**
   * Every task visible to the actor (else 404, as for a missing one), of this project (else
   * 400), and the actor's to commit: planners any, crew leads their crews' (else 403).
   */
  private async checkTasks(manager: EntityManager, scope: ProjectScope, actor: Actor, taskIds: string[]) {
    const rows = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
      .select(['e.id', 'e.projectId', 'e.crewId'])
      .andWhere('e.id IN (:...ids)', { ids: taskIds })
      .getMany();
    const found = new Map(rows.map((row) => [row.id, row]));
    const missing = taskIds.find((id) => !found.has(id));
    if (missing) throw ApiError.notFound(Resource.Task, missing);
    const elsewhere = rows.filter((row) => row.projectId !== scope.id).map((row) => row.id);
    if (elsewhere.length) {
      throw ApiError.badRequest({ key: 'weekly_plan_task_elsewhere', params: { ids: elsewhere.join(', ') } }, [
        problem('taskIds', 'invalidValue'),
      ]);
    }
    if (mayPlanProject(actor, scope.id)) return;
    if (rows.some((row) => !row.crewId || !actor.crewIds.includes(row.crewId))) throw refused();
  }
}

const refused = () => new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'weekly_plan_commit_refused');
