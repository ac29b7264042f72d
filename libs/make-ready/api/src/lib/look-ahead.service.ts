import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, problem } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import {
  agencyBlockRows,
  lookAheadRows,
  openConstraintsByTask,
  readinessOfTasks,
} from '@worksite/make-ready-data-access';
import { AppConfig } from '@worksite/server-config';
import { Revisioned, RevisionCache, rowsRevision } from '@worksite/scheduling-api';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { Role } from '@worksite/shared-domain';
import { AgencyBlocksDto, DEFAULT_LOOK_AHEAD_WEEKS, LookAheadDto, TaskReadinessDto } from '@worksite/shared-make-ready';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyBlocksQueryDto, LookAheadQueryDto, ReadinessQueryDto } from './constraint.dto';
import { taskWindowQuery } from './look-ahead-tasks';

/** A reading as sent: its fields, and its rows as JSON text written by the database. */
export interface RowsText<T> {
  head: Omit<T, 'rows'>;
  rowsJson: string;
}
export type LookAheadText = RowsText<LookAheadDto>;
export type BlocksText = RowsText<AgencyBlocksDto>;

/** A look-ahead as sent, kept with the revision of what it was read from. */
interface KeptLookAhead extends Revisioned {
  text: LookAheadText;
}

/**
 * The revision of everything a project's look-ahead is read from: its tasks and constraints, the
 * departments and users constraints are owned by (their names), the places (a location filter
 * takes what is inside it). Every write bumps a version, a count or an updated_at among these.
 */
async function lookAheadRevision(manager: EntityManager, projectId: string): Promise<string> {
  const [{ revision }]: { revision: string }[] = await manager.query(
    `SELECT concat_ws('|',
       ${rowsRevision('tasks', 'WHERE x.project_id = $1')},
       ${rowsRevision('make_ready_constraints', 'WHERE x.project_id = $1')},
       ${rowsRevision('departments')}, ${rowsRevision('users')}, ${rowsRevision('locations')}) AS revision`,
    [projectId],
  );
  return revision;
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

  /** Look-aheads of users who see whole projects, per project, window and filters (this api process). */
  private readonly kept = new RevisionCache<KeptLookAhead>(16);

  async readiness(projectId: string, query: ReadinessQueryDto, actor: Actor): Promise<{ tasks: TaskReadinessDto[] }> {
    const manager = this.dataSource.manager;
    await this.networks.visibleProject(manager, projectId, actor);
    const window = { projectId, from: query.from, to: query.to, withConstraints: true };
    const tasks: { id: string }[] = await taskWindowQuery(manager, actor, window).getRawMany();
    const readiness = await readinessOfTasks(
      manager,
      tasks.map((task) => task.id),
    );
    const answer = tasks.flatMap((task) => readiness.get(task.id) ?? []);
    if (query.constraints !== 'open') return { tasks: answer };
    // What each task that is not ready waits for, in one more statement.
    const byTask = await openConstraintsByTask(
      manager,
      answer.filter((r) => !r.ready).map((r) => r.taskId),
    );
    return { tasks: answer.map((r) => (r.ready ? r : { ...r, constraints: byTask.get(r.taskId) ?? [] })) };
  }

  /**
   * The next weeks' tasks by planned start, with readiness and constraints (rows as JSON text: see
   * LookAheadText). For users who see every task of the project the answer is kept per window and
   * filters, and answered again while the revision of what it was read from is the same (building
   * the JSON of 2,300 tasks and 3,100 constraints took PostgreSQL about 50 ms of each request).
   */
  async lookAhead(projectId: string, query: LookAheadQueryDto, actor: Actor, now = Date.now()): Promise<LookAheadText> {
    const manager = this.dataSource.manager;
    const project = await this.networks.visibleProject(manager, projectId, actor);
    const weeks = query.weeks ?? DEFAULT_LOOK_AHEAD_WEEKS;
    const from = query.from ?? localDateOf(now, project.timeZone);
    const to = windowEnd(from, weeks);
    const { departmentId, crewId, locationId } = query;
    const key = [projectId, from, to, departmentId ?? '', crewId ?? '', locationId ?? ''].join(':');
    // Read before the rows: rows newer than their revision are at worst read again, never served stale.
    const revision = this.networks.readsAllTasks(actor) ? await lookAheadRevision(manager, projectId) : undefined;
    const kept = revision === undefined ? undefined : this.kept.get(key, revision);
    if (kept) return kept.text;
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
    const text = { head: { projectId, from, to, weeks, counts: { ready, notReady } }, rowsJson };
    if (revision !== undefined) this.kept.set(key, { revision, text });
    return text;
  }

  /** The department's pending tasks of the coming weeks that something blocks (rows as JSON text: see BlocksText). */
  async agencyBlocks(query: AgencyBlocksQueryDto, actor: Actor, now = Date.now()): Promise<BlocksText> {
    const departmentId = this.departmentOf(query, actor);
    const weeks = query.weeks ?? DEFAULT_LOOK_AHEAD_WEEKS;
    const from = localDateOf(now, this.config.APP_TIMEZONE);
    const tasks = taskWindowQuery(this.dataSource.manager, actor, {
      from,
      to: windowEnd(from, weeks),
      pendingOnly: true,
      departmentId,
    });
    const [sql, parameters] = tasks.getQueryAndParameters();
    return { head: { departmentId }, rowsJson: await agencyBlockRows(this.dataSource.manager, { sql, parameters }) };
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
