import { Injectable } from '@nestjs/common';
import { ApiError, problem } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { BaselinesService, ConflictsService, MAX_CONFLICT_RANGE_DAYS, ScheduleService } from '@worksite/scheduling-api';
import { CrewEntity, DepartmentEntity } from '@worksite/server-data-access';
import { countsAsOpen, ProjectScheduleDto, ScheduledTaskDto } from '@worksite/shared-domain';
import { addDays, dayRange, localDateOf } from '@worksite/shared-util-time';
import { DataSource, In } from 'typeorm';
import { CrewSheet, renderDayPlanPdf } from './day-plan/day-plan-pdf';
import { PrintedBaseline, renderGanttPdf } from './gantt/gantt-pdf';
import { reportLabels } from './report-labels';
import { GanttPdfQueryDto, MAX_PRINTED_DAYS } from './report-query.dto';

/** A rendered report and the file name it is offered under. */
export interface PdfFile {
  name: string;
  data: Buffer;
}

/**
 * The printed Gantt and day plan, drawn from the schedule the actor may see (the same rules as
 * GET /projects/:id/schedule: a project they may not see is a 404, hidden tasks are left out).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly conflicts: ConflictsService,
    private readonly baselines: BaselinesService,
    private readonly dataSource: DataSource,
  ) {}

  async ganttPdf(projectId: string, actor: Actor, query: GanttPdfQueryDto, language?: string): Promise<PdfFile> {
    const schedule = await this.schedules.schedule(projectId, actor);
    const zone = schedule.project.timeZone;
    const from = query.from ?? localDateOf(new Date(schedule.projectStart), zone);
    const to = query.to ?? localDateOf(new Date(schedule.projectFinish), zone);
    checkRange(from, to);
    // The rows that have work in the range: the rest would print as empty lines.
    const range = { start: dayRange(from, zone).start.getTime(), end: dayRange(to, zone).end.getTime() };
    const tasks = pickRows(schedule, query.rows).filter((task) => worksWithin(task, range.start, range.end));
    const departments = await this.dataSource.manager.find(DepartmentEntity, {
      where: { id: In([...new Set(tasks.map((task) => task.departmentId))]) },
    });
    const data = await renderGanttPdf({
      project: schedule.project,
      calendar: schedule.calendar,
      tasks,
      dependencies: schedule.dependencies,
      flagged: await this.flagged(projectId, actor, schedule, from, to),
      colours: new Map(departments.map((department) => [department.id, department.color])),
      from,
      to,
      paper: query.paper ?? 'A4',
      printedAt: new Date(),
      labels: reportLabels(language),
      baseline: query.baseline ? await this.printedBaseline(projectId, query.baseline, actor) : undefined,
    });
    return { name: `${schedule.project.code}-gantt-${from}-${to}.pdf`, data };
  }

  async dayPlanPdf(projectId: string, actor: Actor, date: string | undefined, language?: string): Promise<PdfFile> {
    const schedule = await this.schedules.schedule(projectId, actor);
    const zone = schedule.project.timeZone;
    const day = date ?? addDays(localDateOf(new Date(), zone), 1);
    const { start, end } = dayRange(day, zone);
    const tasks = schedule.tasks
      .filter((task) => task.status !== 'cancelled' && worksWithin(task, start.getTime(), end.getTime()))
      .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.title.localeCompare(b.title));
    const crewIds = [...new Set(tasks.flatMap((task) => (task.crewId ? [task.crewId] : [])))];
    const crews = new Map(
      (await this.dataSource.manager.find(CrewEntity, { where: { id: In(crewIds) } })).map((crew) => [crew.id, crew]),
    );
    const places = await this.places(tasks.flatMap((task) => (task.locationId ? [task.locationId] : [])));
    const sheets = new Map<string, CrewSheet>();
    for (const task of tasks) {
      const key = task.crewId ?? '';
      const crew = task.crewId ? crews.get(task.crewId) : undefined;
      let sheet = sheets.get(key);
      if (!sheet) {
        sheet = {
          crewId: task.crewId,
          crewName: crew?.name ?? null,
          leader: crew?.leaderName ?? null,
          phone: crew?.leaderPhone ?? null,
          tasks: [],
        };
        sheets.set(key, sheet);
      }
      sheet.tasks.push({ task, place: (task.locationId && places.get(task.locationId)) || '—' });
    }
    // Crews by name, the tasks nobody is assigned to last.
    const ordered = [...sheets.values()].sort(
      (a, b) =>
        Number(a.crewId === null) - Number(b.crewId === null) || (a.crewName ?? '').localeCompare(b.crewName ?? ''),
    );
    const data = await renderDayPlanPdf({
      project: schedule.project,
      date: day,
      crews: ordered,
      printedAt: new Date(),
      labels: reportLabels(language),
    });
    return { name: `${schedule.project.code}-day-plan-${day}.pdf`, data };
  }

  /**
   * The tasks marked "!": those in a clash that counts (open or escalated) in the first
   * MAX_CONFLICT_RANGE_DAYS of the range, and those the schedule cannot honour.
   */
  private async flagged(
    projectId: string,
    actor: Actor,
    schedule: ProjectScheduleDto,
    from: string,
    to: string,
  ): Promise<Set<string>> {
    const last = addDays(from, MAX_CONFLICT_RANGE_DAYS - 1);
    const { items } = await this.conflicts.conflicts(projectId, actor, { from, to: to < last ? to : last });
    return new Set([
      ...schedule.violations.map((violation) => violation.taskId),
      ...items.filter((conflict) => countsAsOpen(conflict.state)).flatMap((conflict) => conflict.taskIds),
    ]);
  }

  /** A baseline's dates of the tasks the actor may see, with their finish slip against the plan now (404: not of this project). */
  private async printedBaseline(projectId: string, baselineId: string, actor: Actor): Promise<PrintedBaseline> {
    const detail = await this.baselines.detail(projectId, baselineId, actor);
    const { items } = await this.baselines.compare(projectId, baselineId, 'current', actor);
    const slips = new Map(items.map((item) => [item.taskId, item.finishSlipDays]));
    return {
      name: detail.name,
      tasks: new Map(
        detail.tasks.map((task) => [
          task.taskId,
          {
            start: Date.parse(task.plannedStart),
            finish: Date.parse(task.plannedFinish),
            slipDays: slips.get(task.taskId) ?? null,
          },
        ]),
      ),
    };
  }

  /** 'compound › building › unit (address)' per location id. */
  private async places(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; path: string; address: string | null }[] = await this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT l.id AS start_id, l.id, l.parent_id, l.name, l.address, 0 AS depth FROM locations l
          WHERE l.id = ANY($1::uuid[])
         UNION ALL
         SELECT up.start_id, p.id, p.parent_id, p.name, p.address, up.depth + 1 FROM locations p
           JOIN up ON p.id = up.parent_id
       )
       SELECT start_id AS id,
              string_agg(name, ' › ' ORDER BY depth DESC) AS path,
              (array_agg(address ORDER BY depth) FILTER (WHERE address IS NOT NULL))[1] AS address
         FROM up GROUP BY start_id`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.address ? `${row.path}（${row.address}）` : row.path]));
  }
}

/** The rows asked for, in their order (ids the actor may not see are left out), or every task by start. */
function pickRows(schedule: ProjectScheduleDto, rows: string[] | undefined): ScheduledTaskDto[] {
  if (!rows) {
    return [...schedule.tasks].sort(
      (a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.title.localeCompare(b.title),
    );
  }
  const byId = new Map(schedule.tasks.map((task) => [task.id, task]));
  return [...new Set(rows)].flatMap((id) => byId.get(id) ?? []);
}

function worksWithin(task: ScheduledTaskDto, start: number, end: number): boolean {
  const from = Date.parse(task.plannedStart);
  const to = Date.parse(task.plannedFinish);
  return from === to ? from >= start && from < end : from < end && to > start;
}

function checkRange(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1) throw ApiError.badRequest('report_range_reversed', [problem('to', 'notBefore', { other: 'from' })]);
  if (days > MAX_PRINTED_DAYS) {
    throw ApiError.badRequest({ key: 'report_range_too_long', params: { max: MAX_PRINTED_DAYS } }, [
      problem('to', 'atMostDaysAfter', { other: 'from', days: MAX_PRINTED_DAYS - 1 }),
    ]);
  }
}
