import { ApiError, problem, scopedQuery } from '@worksite/api-core';
import { Actor, readScope, Resource } from '@worksite/auth-access';
import { ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import { weekStartOf } from '@worksite/shared-make-ready';
import { isLocalDate, localDateOf } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';

/** A project the actor may see, with its zone and today's local date there. */
export interface ProjectScope {
  id: string;
  timeZone: string;
  today: string;
  /** Tasks of the project the actor may see; null: all of them. */
  visibleTaskIds: string[] | null;
}

/** The project as the actor sees it; 404 for a missing project and a hidden one alike. */
export async function projectScope(
  manager: EntityManager,
  actor: Actor,
  projectId: string,
  now = Date.now(),
): Promise<ProjectScope> {
  const project = await scopedQuery(manager, ProjectEntity, Resource.Project, actor)
    .select(['e.id', 'e.timeZone'])
    .andWhere('e.id = :id', { id: projectId })
    .getOne();
  if (!project) throw ApiError.notFound(Resource.Project, projectId);
  return {
    id: project.id,
    timeZone: project.timeZone,
    today: localDateOf(now, project.timeZone),
    visibleTaskIds: await visibleTaskIds(manager, actor, projectId),
  };
}

/** Ids of the project's tasks the actor may read (null when the actor reads every task). */
async function visibleTaskIds(manager: EntityManager, actor: Actor, projectId: string): Promise<string[] | null> {
  if (readScope(Resource.Task, actor) === 'all') return null;
  const rows = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
    .select('e.id', 'id')
    .andWhere('e.projectId = :projectId', { projectId })
    .getRawMany<{ id: string }>();
  return rows.map((row) => row.id);
}

/** A week is named by its Monday (local date); anything else is a 400. */
export function checkedWeekStart(week: string): string {
  if (!isLocalDate(week)) throw ApiError.badRequest('validation_failed', [problem('weekStart', 'localDate')]);
  if (weekStartOf(week) !== week) throw ApiError.badRequest({ key: 'weekly_plan_not_monday', params: { week } });
  return week;
}

/** A plan is frozen once its week has begun in the project's zone (Monday 00:00 local). */
export function isFrozen(weekStart: string, scope: ProjectScope): boolean {
  return weekStart <= scope.today;
}
