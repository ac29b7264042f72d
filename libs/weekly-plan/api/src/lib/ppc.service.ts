import { Injectable } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import {
  lastWeeks,
  MAX_PPC_WEEKS,
  paretoOrder,
  PpcReportDto,
  ppcOf,
  tasksMadeReady,
  weekStartOf,
  weekStartsBetween,
  weeksOver,
} from '@worksite/shared-make-ready';
import { addDays } from '@worksite/shared-util-time';
import { DataSource } from 'typeorm';
import { recordFreezes } from './plan-freeze';
import { projectScope } from './project-scope';
import { PpcNames, ppcWorkbook } from './ppc-workbook';
import { countsByCrew, countsByDepartment, countsByReason, countsByWeek, PpcRange } from './ppc.sql';

/** Percent plan complete per week, department and crew, tasks made ready, reasons for variance. */
@Injectable()
export class PpcService {
  constructor(private readonly dataSource: DataSource) {}

  async report(projectId: string, query: { from?: string; to?: string }, actor: Actor): Promise<PpcReportDto> {
    return (await this.reportOn(projectId, query, actor)).report;
  }

  /** The report and the project's local date it was made on (which weeks are over, which is under way). */
  private reportOn(
    projectId: string,
    query: { from?: string; to?: string },
    actor: Actor,
  ): Promise<{ report: PpcReportDto; today: string }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const scope = await projectScope(manager, actor, projectId);
      await recordFreezes(manager, scope);
      const { from, to } = rangeOf(query, scope.today);
      const range: PpcRange = { projectId: scope.id, from, to, visible: scope.visibleTaskIds };
      const groupWeeks = weeksOver(from, to, scope.today);
      const groupRange: PpcRange | null = groupWeeks && { ...range, ...groupWeeks };
      const [weeks, departments, crews, reasons] = [
        await countsByWeek(manager, range),
        groupRange ? await countsByDepartment(manager, groupRange) : [],
        groupRange ? await countsByCrew(manager, groupRange) : [],
        await countsByReason(manager, range),
      ];
      const byWeek = new Map(weeks.map((w) => [w.weekStart, w]));
      const report: PpcReportDto = {
        from,
        to,
        weeks: weekStartsBetween(from, to).map((weekStart) => {
          const w = byWeek.get(weekStart) ?? { committed: 0, done: 0, madeReady: 0 };
          return {
            weekStart,
            committed: w.committed,
            done: w.done,
            ppc: ppcOf(w.committed, w.done),
            tmr: tasksMadeReady(w.committed, w.madeReady),
          };
        }),
        groupWeeks,
        byDepartment: departments.map((d) => ({ ...d, ppc: ppcOf(d.committed, d.done) })),
        byCrew: crews.map((c) => ({ ...c, ppc: ppcOf(c.committed, c.done) })),
        pareto: paretoOrder(reasons),
      };
      return { report, today: scope.today };
    });
  }

  /** The report as an .xlsx workbook, with the names of the project, departments and crews. */
  async workbook(projectId: string, query: { from?: string; to?: string }, actor: Actor) {
    const { report, today } = await this.reportOn(projectId, query, actor);
    const named = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
    const [project]: { name: string; code: string }[] = await this.dataSource.query(
      'SELECT name, code FROM projects WHERE id = $1',
      [projectId],
    );
    const names: PpcNames = {
      projectName: project.name,
      departments: named(
        await this.dataSource.query('SELECT id, name FROM departments WHERE id = ANY($1::uuid[])', [
          report.byDepartment.map((d) => d.departmentId),
        ]),
      ),
      crews: named(
        await this.dataSource.query(
          `SELECT cr.id, cr.name || '（' || co.name || '）' AS name
             FROM crews cr JOIN contractors co ON co.id = cr.contractor_id WHERE cr.id = ANY($1::uuid[])`,
          [report.byCrew.flatMap((c) => (c.crewId ? [c.crewId] : []))],
        ),
      ),
    };
    return {
      filename: `${project.code}-PPC-${report.from}-${report.to}.xlsx`,
      content: await ppcWorkbook(report, names, today),
    };
  }
}

/** Mondays of the range: given days are taken to their weeks; default the last 12 weeks. */
function rangeOf(query: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = weekStartOf(query.to ?? (query.from ? addDays(query.from, 7 * 11) : today));
  const from = weekStartOf(query.from ?? lastWeeks(to).from);
  if (from > to || weekStartsBetween(from, to).length > MAX_PPC_WEEKS) {
    throw ApiError.badRequest({ key: 'ppc_range_invalid', params: { max: MAX_PPC_WEEKS } });
  }
  return { from, to };
}
