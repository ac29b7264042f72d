import { Injectable } from '@nestjs/common';
import { Actor } from '@worksite/auth-access';
import { ChainIndex, ChainItem } from '@worksite/scheduling-engine';
import { CrewEntity, DepartmentEntity, TaskEntity } from '@worksite/server-data-access';
import { ChainItemDto, TaskChainDto } from '@worksite/shared-domain';
import { EntityManager, In } from 'typeorm';
import { iso, scheduledTaskDto } from '../mapping/schedule-output';
import { ProjectNetworkService, TaskVisibility } from '@worksite/scheduling-data-access';
import { ScheduleService } from '../schedule/schedule.service';

export type ChainDirection = 'up' | 'down' | 'both';

/** "When can we start, who are we waiting for, whom do we hold up": a task's dependency chains. */
@Injectable()
export class TaskChainService {
  constructor(
    private readonly networks: ProjectNetworkService,
    private readonly schedules: ScheduleService,
  ) {}

  /**
   * The task must be visible to the actor (else 404). Its chains are walked over the whole
   * project, and their items are included even when they lie outside the actor's read scope:
   * an agency must see whom it waits for in other departments. This is a deliberate, limited
   * disclosure: such items carry only the summary of ChainItemDto (title, department and crew
   * names, status, progress, expected dates, float, link) and `readable: false`; the tasks
   * themselves stay unreadable (GET /api/tasks/:id answers 404).
   */
  chain(taskId: string, actor: Actor, direction: ChainDirection, maxDepth?: number): Promise<TaskChainDto> {
    return this.networks.read(async (manager) => {
      const task = await this.networks.visibleTask(manager, taskId, actor);
      // The project's cached schedule (the same as GET schedule's), computed once per revision.
      const whole = await this.schedules.computedIn(manager, task.projectId);
      const { network, scheduled } = whole;
      const visible = await this.networks.taskVisibility(manager, task.projectId, actor);
      const { result, byId, scheduledAs } = scheduled;
      const index = (whole.chains ??= new ChainIndex(result));
      const options = maxDepth === undefined ? {} : { maxDepth };
      const upstream = direction === 'down' ? [] : index.upstream(taskId, options);
      const downstream = direction === 'up' ? [] : index.downstream(taskId, options);
      // Chain items come from the engine, which was built from these rows.
      const rows = new Map(network.tasks.map((row) => [row.id, row]));
      const rowOf = (item: ChainItem) => rows.get(item.taskId) as TaskEntity;
      const names = await namesOf(manager, [...upstream, ...downstream].map(rowOf));
      const toDto = (item: ChainItem) => chainItemDto(item, rowOf(item), names, visible);
      return {
        task: scheduledTaskDto(task, byId.get(task.id), scheduledAs.get(task.id) ?? 'excluded'),
        upstream: upstream.map(toDto),
        downstream: downstream.map(toDto),
      };
    });
  }
}

interface Names {
  departments: Map<string, string>;
  crews: Map<string, string>;
}

async function namesOf(manager: EntityManager, tasks: TaskEntity[]): Promise<Names> {
  const departmentIds = [...new Set(tasks.map((task) => task.departmentId))];
  const crewIds = [...new Set(tasks.flatMap((task) => (task.crewId ? [task.crewId] : [])))];
  const departments = departmentIds.length
    ? await manager.find(DepartmentEntity, { where: { id: In(departmentIds) }, select: { id: true, name: true } })
    : [];
  const crews = crewIds.length
    ? await manager.find(CrewEntity, { where: { id: In(crewIds) }, select: { id: true, name: true } })
    : [];
  return {
    departments: new Map(departments.map((d) => [d.id, d.name])),
    crews: new Map(crews.map((c) => [c.id, c.name])),
  };
}

function chainItemDto(item: ChainItem, task: TaskEntity, names: Names, visible: TaskVisibility): ChainItemDto {
  return {
    taskId: task.id,
    title: task.title,
    departmentId: task.departmentId,
    departmentName: names.departments.get(task.departmentId) ?? '',
    crewName: task.crewId ? (names.crews.get(task.crewId) ?? null) : null,
    status: task.status,
    progress: task.progress,
    depth: item.depth,
    link: {
      type: item.via.type,
      lagMinutes: item.via.lag,
      driving: item.via.driving,
      dependencyId: item.via.linkId,
      predecessorId: item.via.predecessorId,
      successorId: item.via.successorId,
      slackMinutes: item.via.slack,
    },
    expectedStart: iso(item.task.start),
    expectedFinish: iso(item.task.finish),
    totalFloatMinutes: item.task.totalFloat,
    critical: item.task.critical,
    readable: visible(task.id),
  };
}
