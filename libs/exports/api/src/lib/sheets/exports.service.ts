import { Injectable } from '@nestjs/common';
import { scopedQuery } from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { ScheduleService } from '@worksite/scheduling-api';
import { WorkingCalendar, workingDayMinutes } from '@worksite/scheduling-engine';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { CrewEntity, DepartmentEntity, TaskEntity } from '@worksite/server-data-access';
import { TaskStatus } from '@worksite/shared-domain';
import { dayRange } from '@worksite/shared-util-time';
import { EntityManager, In } from 'typeorm';
import { placesOf } from '../places';
import { DayPlanTask, dayPlanSheet, ExportNames, projectSheet } from './export-sheets';
import { SheetLanguage, SheetSpec } from './sheet-writer';

/** A sheet to send and the name of its file (without the extension). */
export interface ExportedSheet {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: SheetSpec<any>;
  basename: string;
}

/**
 * Exports of a project and of one day of it, with the access rules of the schedule and the
 * day plan: the tasks the user may see; names of crews and places only as far as they may read them.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly networks: ProjectNetworkService,
  ) {}

  async project(projectId: string, actor: Actor, language: SheetLanguage): Promise<ExportedSheet> {
    const schedule = await this.schedules.schedule(projectId, actor);
    const names = await this.networks.read((manager) => this.names(manager, actor, schedule.tasks));
    return {
      spec: projectSheet(schedule.tasks, schedule.dependencies, names, {
        zone: schedule.project.timeZone,
        minutesPerDay: workingDayMinutes(WorkingCalendar.compile(schedule.calendar)) || 480,
        language,
      }),
      basename: `${schedule.project.code}-${schedule.project.name}`,
    };
  }

  /** The tasks (not cancelled) with work on the local date, in the project zone. */
  async dayPlan(projectId: string, date: string, actor: Actor, language: SheetLanguage): Promise<ExportedSheet> {
    return this.networks.read(async (manager) => {
      const project = await this.networks.visibleProject(manager, projectId, actor);
      const day = dayRange(date, project.timeZone);
      const rows = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
        .andWhere('e.projectId = :projectId', { projectId })
        .andWhere('e.status <> :cancelled', { cancelled: TaskStatus.Cancelled })
        .andWhere(
          '((e.plannedStart < :end AND e.plannedFinish > :start) OR (e.plannedStart = e.plannedFinish AND e.plannedStart >= :start AND e.plannedStart < :end))',
          { start: day.start, end: day.end },
        )
        .getMany();
      const tasks: DayPlanTask[] = rows.map((task) => ({
        ...task,
        materials: task.materials ?? [],
        tools: task.tools ?? [],
      }));
      const names = await this.names(manager, actor, rows);
      return {
        spec: dayPlanSheet(tasks, names, date, project.timeZone, language),
        basename: `${project.code}-${date}`,
      };
    });
  }

  /** Department, crew and place names of the tasks: crews only as the user may read them. */
  private async names(
    manager: EntityManager,
    actor: Actor,
    tasks: { departmentId: string; crewId: string | null; locationId: string | null }[],
  ): Promise<ExportNames> {
    const departmentIds = [...new Set(tasks.map((task) => task.departmentId))];
    const crewIds = [...new Set(tasks.map((task) => task.crewId).filter((id): id is string => !!id))];
    const departments = departmentIds.length
      ? await manager.find(DepartmentEntity, { where: { id: In(departmentIds) } })
      : [];
    const crews = crewIds.length
      ? await scopedQuery(manager, CrewEntity, Resource.Crew, actor)
          .andWhere('e.id IN (:...namedCrewIds)', { namedCrewIds: crewIds })
          .getMany()
      : [];
    return {
      departments: new Map(departments.map((d) => [d.id, d.name])),
      crews: new Map(crews.map((c) => [c.id, c.name])),
      places: await placesOf(
        manager,
        tasks.map((task) => task.locationId),
      ),
    };
  }
}
