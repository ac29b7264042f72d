import { Injectable } from '@nestjs/common';
import { Actor } from '@worksite/auth-access';
import { CriticalPathDto, ProjectScheduleDto } from '@worksite/shared-domain';
import {
  calendarSpecDto,
  dependencyDto,
  iso,
  projectDto,
  scheduledTaskDto,
  violationDto,
} from '../mapping/schedule-output';
import { ProjectNetworkService } from '../network/project-network.service';
import { scheduleNetwork } from '../network/schedule-network';

/** The schedule of a project as the engine computes it, limited to what the actor may see. */
@Injectable()
export class ScheduleService {
  constructor(private readonly networks: ProjectNetworkService) {}

  /**
   * Computed over the whole project (a hidden predecessor still drives a visible task), then
   * filtered: the tasks the actor may read, the links between two of them, their part of the
   * critical path and their violations.
   */
  schedule(projectId: string, actor: Actor): Promise<ProjectScheduleDto> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const network = await this.networks.load(manager, projectId);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      const { result, byId, scheduledAs } = scheduleNetwork(network);
      return {
        project: projectDto(network.project),
        calendar: calendarSpecDto(network.spec),
        tasks: network.tasks
          .filter((task) => visible(task.id))
          .map((task) => scheduledTaskDto(task, byId.get(task.id), scheduledAs.get(task.id) ?? 'excluded')),
        dependencies: network.links
          .filter((link) => visible(link.predecessorId) && visible(link.successorId))
          .map(dependencyDto),
        criticalPath: result.criticalPath.filter(visible),
        violations: result.violations.filter((v) => visible(v.taskId)).map(violationDto),
        projectStart: iso(result.projectStart),
        projectFinish: iso(result.projectFinish),
      };
    });
  }

  /** The critical tasks the actor may see, ordered by start, and the project's finish. */
  criticalPath(projectId: string, actor: Actor): Promise<CriticalPathDto> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const network = await this.networks.load(manager, projectId);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      const { result, byId } = scheduleNetwork(network);
      const rows = new Map(network.tasks.map((task) => [task.id, task]));
      return {
        projectId,
        projectStart: iso(result.projectStart),
        projectFinish: iso(result.projectFinish),
        tasks: result.criticalPath.filter(visible).flatMap((id) => {
          const task = rows.get(id);
          const scheduled = byId.get(id);
          if (!task || !scheduled) return [];
          return {
            taskId: id,
            title: task.title,
            departmentId: task.departmentId,
            crewId: task.crewId,
            status: task.status,
            start: iso(scheduled.start),
            finish: iso(scheduled.finish),
            durationMinutes: Math.round(scheduled.duration),
            totalFloatMinutes: scheduled.totalFloat,
          };
        }),
      };
    });
  }
}
