import { Injectable } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { CalendarEntity, ProjectEntity } from '@worksite/server-data-access';
import { CalendarSpec, WorkingCalendar } from '@worksite/scheduling-engine';
import { timedPhase } from '@worksite/server-observability';
import { CalendarExceptionKind } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { plainColumns } from '../network/plain-rows';
import { preparedQuery } from '../prepared-query';
import { PLAN_LOCK } from '../rescheduler/schedule-lock';

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

/** The calendar's rows as the JSON texts PostgreSQL writes of them. */
interface CalendarTexts {
  weekly: string;
  exceptions: string;
  blackouts: string;
}

/** Compiled calendars kept, the most recently used last. */
const COMPILED_KEPT = 32;

/**
 * Loads a project's calendar (windows, holidays, make-up days, blackouts) as an engine calendar.
 * The calendar's rows are read on every call; what they compile to is kept per content (an
 * edit's request compiled it anew each time, and the working time it computed with), so a
 * changed calendar is a new entry and never a stale one.
 */
@Injectable()
export class ProjectCalendarService {
  private readonly compiled = new Map<string, { spec: CalendarSpec; calendar: WorkingCalendar }>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * `lock`: the project row is read FOR UPDATE, which is the lock every schedule write takes
   * (lockProjectForScheduling) in the same statement.
   */
  async forProject(
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
    options: { lock?: boolean } = {},
  ): Promise<ProjectCalendar> {
    const read = () => this.projectAndCalendar(projectId, manager, options.lock === true);
    const { project, texts } = await (options.lock ? timedPhase(PLAN_LOCK, read) : read());
    // The rows' JSON texts are the key: parsed and compiled only for a calendar not kept yet.
    const key = `${project.timeZone}\n${texts.weekly}\n${texts.exceptions}\n${texts.blackouts}`;
    let compiled = this.compiled.get(key);
    if (compiled) this.compiled.delete(key);
    else {
      const spec = specOf(project, {
        weekly: JSON.parse(texts.weekly),
        exceptions: JSON.parse(texts.exceptions),
        blackouts: JSON.parse(texts.blackouts),
      });
      compiled = { spec, calendar: WorkingCalendar.compile(spec) };
      if (this.compiled.size >= COMPILED_KEPT) this.compiled.delete(this.compiled.keys().next().value as string);
    }
    this.compiled.set(key, compiled);
    return { project, ...compiled };
  }

  /**
   * The project (locked when asked), its calendar, exceptions and blackouts in one statement
   * (edits run this inside their transaction, where every round trip counts).
   */
  private async projectAndCalendar(
    projectId: string,
    manager: EntityManager,
    lock: boolean,
  ): Promise<{ project: ProjectEntity; texts: CalendarTexts }> {
    const columns = plainColumns(manager, ProjectEntity, 'p');
    const rows: (CalendarTexts & Record<string, unknown>)[] = await preparedQuery(
      manager,
      `SELECT ${columns.select}, c.weekly_windows::text AS weekly,
         COALESCE((SELECT json_agg(json_build_object('date', e.date, 'kind', e.kind) ORDER BY e.date, e.kind)
                     FROM calendar_exceptions e WHERE e.calendar_id = c.id), '[]')::text AS exceptions,
         COALESCE((SELECT json_agg(json_build_object(
                       'start', floor(extract(epoch FROM b.starts_at) * 1000),
                       'end', floor(extract(epoch FROM b.ends_at) * 1000), 'label', b.reason) ORDER BY b.starts_at, b.id)
                     FROM blackout_windows b WHERE b.calendar_id = c.id), '[]')::text AS blackouts
       FROM projects p LEFT JOIN calendars c ON c.id = p.calendar_id
       WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
      [projectId],
    );
    if (!rows[0]) throw ApiError.missingReference('projectId', 'project');
    const { weekly, exceptions, blackouts } = rows[0];
    if (weekly === null) throw ApiError.missingReference('calendarId', 'calendar');
    return { project: columns.read(rows[0]), texts: { weekly, exceptions, blackouts } };
  }
}

function specOf(project: ProjectEntity, { weekly, exceptions, blackouts }: CalendarRow): CalendarSpec {
  return {
    timeZone: project.timeZone,
    weekly: Object.fromEntries(Object.entries(weekly).map(([day, windows]) => [Number(day), windows])),
    holidays: exceptions.filter((e) => e.kind === CalendarExceptionKind.Holiday).map((e) => e.date),
    makeUpWorkdays: exceptions.filter((e) => e.kind === CalendarExceptionKind.MakeUpWorkday).map((e) => e.date),
    blackouts: blackouts.map((b) => ({ start: Number(b.start), end: Number(b.end), label: b.label })),
  };
}
