import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, recordAudit } from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { refuseUnlessPlanner } from '../planner-only';
import { ProjectCalendarService, ProjectNetworkService } from '@worksite/scheduling-data-access';
import { BaselineEntity, BaselineTaskEntity, TaskEntity } from '@worksite/server-data-access';
import { AuditAction, BaselineComparisonDto, BaselineDetailDto, BaselineDto } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';
import { compareDates, PlannedDates } from './baseline-compare';

/** Baselines of a project: saved copies of every task's planned dates, listed, shown, compared, deleted. */
@Injectable()
export class BaselinesService {
  constructor(
    private readonly networks: ProjectNetworkService,
    private readonly calendars: ProjectCalendarService,
  ) {}

  /** Saves the plan as it is stored now (all tasks, one statement). Planners only; names are unique per project. */
  create(projectId: string, actor: Actor, name: string): Promise<BaselineDto> {
    return this.networks.write(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      refuseUnlessPlanner(Resource.Baseline, actor, projectId);
      const { identifiers } = await manager.insert(BaselineEntity, {
        projectId,
        name: name.trim(),
        createdById: actor.sessionId ? actor.id : null,
        createdByName: actor.name,
        taskCount: 0,
      });
      const id = identifiers[0]['id'] as string;
      const [{ copied }] = await manager.query(
        `WITH copied AS (
           INSERT INTO baseline_tasks (baseline_id, task_id, title, planned_start, planned_finish, duration_minutes)
           SELECT $1, id, title, planned_start, planned_finish, duration_minutes FROM tasks WHERE project_id = $2
           RETURNING 1)
         SELECT count(*)::int AS copied FROM copied`,
        [id, projectId],
      );
      await manager.update(BaselineEntity, { id }, { taskCount: copied });
      const saved = await manager.findOneByOrFail(BaselineEntity, { id });
      await audit(manager, actor, AuditAction.Create, saved, undefined, {
        name: saved.name,
        taskCount: saved.taskCount,
      });
      return baselineDto(saved);
    });
  }

  /** The project's baselines, newest first, for whoever sees the project. */
  list(projectId: string, actor: Actor): Promise<{ items: BaselineDto[] }> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const rows = await manager.find(BaselineEntity, {
        where: { projectId },
        order: { createdAt: 'DESC', id: 'DESC' },
      });
      return { items: rows.map(baselineDto) };
    });
  }

  /** A baseline with its tasks that the actor may see (the Gantt draws them under the current bars). */
  detail(projectId: string, baselineId: string, actor: Actor): Promise<BaselineDetailDto> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const baseline = await baselineOf(manager, projectId, baselineId);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      const tasks = (await tasksOf(manager, baselineId)).filter((task) => visible(task.taskId));
      return {
        ...baselineDto(baseline),
        tasks: tasks.map((task) => ({
          taskId: task.taskId,
          title: task.title,
          plannedStart: task.plannedStart.toISOString(),
          plannedFinish: task.plannedFinish.toISOString(),
          durationMinutes: task.durationMinutes,
        })),
      };
    });
  }

  remove(projectId: string, baselineId: string, actor: Actor): Promise<void> {
    return this.networks.write(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      refuseUnlessPlanner(Resource.Baseline, actor, projectId);
      const baseline = await baselineOf(manager, projectId, baselineId);
      await manager.delete(BaselineEntity, { id: baseline.id });
      await audit(manager, actor, AuditAction.Delete, baseline, { name: baseline.name }, undefined);
    });
  }

  /**
   * The tasks whose dates differ between a baseline and another one (or the current plan,
   * `with` = 'current'), with their slip in working days of the project calendar.
   */
  compare(projectId: string, baselineId: string, other: string, actor: Actor): Promise<BaselineComparisonDto> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const baseline = await baselineOf(manager, projectId, baselineId);
      const withBaseline =
        other === 'current'
          ? null
          : await manager.findOneBy(BaselineEntity, { id: other, projectId }).then((found) => {
              if (!found) {
                throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', {
                  key: 'baseline_not_found_other',
                  params: { id: other },
                });
              }
              return found;
            });
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      const before = await tasksOf(manager, baseline.id);
      const after = withBaseline ? await tasksOf(manager, withBaseline.id) : await currentTasks(manager, projectId);
      const { calendar } = await this.calendars.forProject(projectId, manager);
      const seen = (tasks: PlannedDates[]) => tasks.filter((task) => visible(task.taskId));
      const { items, unchanged } = compareDates(seen(before), seen(after), calendar);
      return {
        baseline: baselineDto(baseline),
        with: withBaseline ? baselineDto(withBaseline) : null,
        items,
        unchanged,
      };
    });
  }
}

async function baselineOf(manager: EntityManager, projectId: string, baselineId: string): Promise<BaselineEntity> {
  const baseline = await manager.findOneBy(BaselineEntity, { id: baselineId, projectId });
  if (!baseline) throw ApiError.notFound('baseline', baselineId);
  return baseline;
}

function tasksOf(manager: EntityManager, baselineId: string): Promise<PlannedDates[]> {
  return manager.find(BaselineTaskEntity, { where: { baselineId }, order: { plannedStart: 'ASC', taskId: 'ASC' } });
}

async function currentTasks(manager: EntityManager, projectId: string): Promise<PlannedDates[]> {
  const tasks = await manager.find(TaskEntity, {
    select: { id: true, title: true, plannedStart: true, plannedFinish: true, durationMinutes: true },
    where: { projectId },
  });
  return tasks.map((task) => ({ ...task, taskId: task.id }));
}

function baselineDto(row: BaselineEntity): BaselineDto {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    createdById: row.createdById,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    taskCount: row.taskCount,
  };
}

function audit(
  manager: EntityManager,
  actor: Actor,
  action: AuditAction,
  row: BaselineEntity,
  before: object | undefined,
  after: object | undefined,
): Promise<void> {
  return recordAudit(manager, {
    actor,
    action,
    entity: Resource.Baseline,
    entityId: row.id,
    projectId: row.projectId,
    before,
    after,
  });
}
