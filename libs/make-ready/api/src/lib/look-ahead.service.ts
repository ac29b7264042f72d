import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, problem } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { lookAheadRows, readinessOfTasks, upstreamOpenConstraints } from '@worksite/make-ready-data-access';
import { AppConfig } from '@worksite/server-config';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { Role } from '@worksite/shared-domain';
import {
  AgencyBlocksDto,
  BlockerDto,
  DEFAULT_LOOK_AHEAD_WEEKS,
  LookAheadDto,
  TaskReadinessDto,
} from '@worksite/shared-make-ready';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { DataSource } from 'typeorm';
import { AgencyBlocksQueryDto, LookAheadQueryDto, ReadinessQueryDto } from './constraint.dto';
import { tasksInWindow, taskWindowQuery } from './look-ahead-tasks';

/** The look-ahead as sent: its fields, and its rows as JSON text written by the database. */
export interface LookAheadText {
  head: Omit<LookAheadDto, 'rows'>;
  rowsJson: string;
}

/** The last local day of a window of `weeks` weeks starting on `from`. */
const windowEnd = (from: string, weeks: number) => addDays(from, weeks * 7 - 1);

/**
 * The readings of make-ready: a project's readiness, its look-ahead (the coming weeks by
 * readiness, with constraints and owners) and an agency's "what blocks my tasks". Each lists
 * only tasks the actor may read (the project itself: 404 when not visible); upstream blockers
 * name their task (code, name, department) even outside that scope, as the chains do.
 */
@Injectable()
export class LookAheadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly networks: ProjectNetworkService,
  ) {}

  async readiness(projectId: string, query: ReadinessQueryDto, actor: Actor): Promise<{ tasks: TaskReadinessDto[] }> {
    const manager = this.dataSource.manager;
    await this.networks.visibleProject(manager, projectId, actor);
    const tasks = await tasksInWindow(manager, actor, { projectId, ...query, withConstraints: true });
    const readiness = await readinessOfTasks(
      manager,
      tasks.map((task) => task.id),
    );
    return { tasks: tasks.flatMap((task) => readiness.get(task.id) ?? []) };
  }

  /** The next weeks' tasks by planned start, with readiness and constraints (rows as JSON text: see LookAheadText). */
  async lookAhead(projectId: string, query: LookAheadQueryDto, actor: Actor, now = Date.now()): Promise<LookAheadText> {
    const manager = this.dataSource.manager;
    const project = await this.networks.visibleProject(manager, projectId, actor);
    const weeks = query.weeks ?? DEFAULT_LOOK_AHEAD_WEEKS;
    const from = query.from ?? localDateOf(now, project.timeZone);
    const to = windowEnd(from, weeks);
    const { departmentId, crewId, locationId } = query;
    const tasks = taskWindowQuery(manager, actor, {
      projectId,
      from,
      to,
      pendingOnly: true,
      departmentId,
      crewId,
      locationId,
    });
    const [sql, parameters] = tasks.getQueryAndParameters();
    const { rowsJson, ready, notReady } = await lookAheadRows(manager, { sql, parameters });
    return { head: { projectId, from, to, weeks, counts: { ready, notReady } }, rowsJson };
  }

  async agencyBlocks(query: AgencyBlocksQueryDto, actor: Actor, now = Date.now()): Promise<AgencyBlocksDto> {
    const departmentId = this.departmentOf(query, actor);
    const weeks = query.weeks ?? DEFAULT_LOOK_AHEAD_WEEKS;
    const from = localDateOf(now, this.config.APP_TIMEZONE);
    const manager = this.dataSource.manager;
    const tasks = await tasksInWindow(manager, actor, {
      from,
      to: windowEnd(from, weeks),
      pendingOnly: true,
      departmentId,
    });
    const blockers = new Map<string, BlockerDto[]>();
    for (const { rootId, ...blocker } of await upstreamOpenConstraints(
      manager,
      tasks.map((task) => task.id),
    )) {
      const list = blockers.get(rootId);
      if (list) list.push(blocker);
      else blockers.set(rootId, [blocker]);
    }
    return {
      departmentId,
      rows: tasks.flatMap((task) => {
        const list = blockers.get(task.id);
        return list ? [{ task, blockers: list }] : [];
      }),
    };
  }

  /** Agency users: their own department; planners, admins and viewers name one; crews: 403. */
  private departmentOf(query: AgencyBlocksQueryDto, actor: Actor): string {
    if (actor.role === Role.Agency) {
      if (!actor.departmentId || (query.departmentId && query.departmentId !== actor.departmentId)) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'make_ready_department_other');
      }
      return actor.departmentId;
    }
    if (actor.role === Role.Contractor) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'make_ready_blocks_agencies_only');
    }
    if (!query.departmentId)
      throw ApiError.badRequest('make_ready_department_required', [problem('departmentId', 'isDefined')]);
    return query.departmentId;
  }
}
