import { Injectable } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import {
  BlackoutWindowEntity,
  CalendarEntity,
  CalendarExceptionEntity,
  ProjectEntity,
} from '@worksite/server-data-access';
import { CalendarSpec, WorkingCalendar } from '@worksite/scheduling-engine';
import { CalendarExceptionKind } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';

/** A project with its working calendar, compiled for working-time arithmetic. */
export interface ProjectCalendar {
  project: ProjectEntity;
  spec: CalendarSpec;
  calendar: WorkingCalendar;
}

/** Loads a project's calendar (windows, holidays, make-up days, blackouts) as an engine calendar. */
@Injectable()
export class ProjectCalendarService {
  constructor(private readonly dataSource: DataSource) {}

  async forProject(projectId: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectCalendar> {
    const project = await manager.findOne(ProjectEntity, {
      where: { id: projectId },
    });
    if (!project) {
      throw ApiError.missingReference('projectId', 'project');
    }
    const spec = await this.specOf(project, manager);
    return { project, spec, calendar: WorkingCalendar.compile(spec) };
  }

  private async specOf(project: ProjectEntity, manager: EntityManager): Promise<CalendarSpec> {
    // One after another: a transaction's connection runs one query at a time.
    const calendar = await manager.findOneOrFail(CalendarEntity, { where: { id: project.calendarId } });
    const exceptions = await manager.find(CalendarExceptionEntity, { where: { calendarId: project.calendarId } });
    const blackouts = await manager.find(BlackoutWindowEntity, { where: { calendarId: project.calendarId } });
    const weekly = Object.fromEntries(
      Object.entries(calendar.weeklyWindows).map(([day, windows]) => [Number(day), windows]),
    );
    return {
      timeZone: project.timeZone,
      weekly,
      holidays: exceptions.filter((e) => e.kind === CalendarExceptionKind.Holiday).map((e) => e.date),
      makeUpWorkdays: exceptions.filter((e) => e.kind === CalendarExceptionKind.MakeUpWorkday).map((e) => e.date),
      blackouts: blackouts.map((b) => ({
        start: b.startsAt.getTime(),
        end: b.endsAt.getTime(),
        label: b.reason,
      })),
    };
  }
}
