import { Injectable } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { CalendarEntity, ProjectEntity } from '@worksite/server-data-access';
import { CalendarSpec, WorkingCalendar } from '@worksite/scheduling-engine';
import { CalendarExceptionKind } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';

/** A project with its working calendar, compiled for working-time arithmetic. */
export interface ProjectCalendar {
  project: ProjectEntity;
  spec: CalendarSpec;
  calendar: WorkingCalendar;
}

interface CalendarRow {
  weekly: CalendarEntity['weeklyWindows'];
  exceptions: { date: string; kind: CalendarExceptionKind }[];
  blackouts: { start: number | string; end: number | string; label: string }[];
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

  /**
   * The calendar with its exceptions and blackouts in one statement (edits run this inside their
   * transaction, where every round trip counts).
   */
  private async specOf(project: ProjectEntity, manager: EntityManager): Promise<CalendarSpec> {
    const rows: CalendarRow[] = await manager.query(
      `SELECT c.weekly_windows AS weekly,
         COALESCE((SELECT json_agg(json_build_object('date', e.date, 'kind', e.kind))
                     FROM calendar_exceptions e WHERE e.calendar_id = c.id), '[]') AS exceptions,
         COALESCE((SELECT json_agg(json_build_object(
                       'start', floor(extract(epoch FROM b.starts_at) * 1000),
                       'end', floor(extract(epoch FROM b.ends_at) * 1000), 'label', b.reason))
                     FROM blackout_windows b WHERE b.calendar_id = c.id), '[]') AS blackouts
       FROM calendars c WHERE c.id = $1`,
      [project.calendarId],
    );
    if (!rows[0]) throw ApiError.missingReference('calendarId', 'calendar');
    const { weekly, exceptions, blackouts } = rows[0];
    return {
      timeZone: project.timeZone,
      weekly: Object.fromEntries(Object.entries(weekly).map(([day, windows]) => [Number(day), windows])),
      holidays: exceptions.filter((e) => e.kind === CalendarExceptionKind.Holiday).map((e) => e.date),
      makeUpWorkdays: exceptions.filter((e) => e.kind === CalendarExceptionKind.MakeUpWorkday).map((e) => e.date),
      blackouts: blackouts.map((b) => ({ start: Number(b.start), end: Number(b.end), label: b.label })),
    };
  }
}
