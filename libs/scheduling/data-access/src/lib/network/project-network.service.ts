import { Injectable } from '@nestjs/common';
import { ApiError, scopedQuery } from '@worksite/api-core';
import { Actor, readScope, Resource } from '@worksite/auth-access';
import { Role, SchedulingMode } from '@worksite/shared-domain';
import { ProjectCalendar, ProjectCalendarService } from '../calendar/project-calendar.service';
import { DependencyEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import { DataSource, EntityManager } from 'typeorm';
import { NETWORK_LINK_FIELDS, NETWORK_TASK_FIELDS, NetworkLink, NetworkTask, ProjectNetwork } from './project-network';
import { downstreamIds } from './downstream';
import type { NetworkIndex } from './network-index';
import { plainRows } from './plain-rows';
import { changedRows } from './changed-rows';

/** Planned start's order (a task's start date is its local day), read by the (project, start date) index. */
export const TASK_ORDER = 'start_date, planned_start, id';
const LINK_ORDER = 'created_at, id';

/** Which task ids of a project the actor may read; `all` when that is every task of the project. */
export type TaskVisibility = ((taskId: string) => boolean) & { all?: boolean };

/** Loads a project's whole network, and what of it an actor may see. */
@Injectable()
export class ProjectNetworkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: ProjectCalendarService,
  ) {}

  /**
   * Runs `work` in one read-only REPEATABLE READ transaction, so that the project, its tasks
   * and its links are read from one snapshot even while others edit them.
   */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  /** Runs `work` in a read-write transaction. */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The project if the actor may see it; 404 alike for a missing and a hidden one. */
  async visibleProject(manager: EntityManager, projectId: string, actor: Actor): Promise<ProjectEntity> {
    const project = await scopedQuery(manager, ProjectEntity, Resource.Project, actor)
      .andWhere('e.id = :projectId', { projectId })
      .getOne();
    if (!project) throw ApiError.notFound('project', projectId);
    return project;
  }

  /** A task if the actor may see it; 404 alike for a missing and a hidden one. */
  async visibleTask(manager: EntityManager, taskId: string, actor: Actor): Promise<TaskEntity> {
    const task = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
      .andWhere('e.id = :taskId', { taskId })
      .getOne();
    if (!task) throw ApiError.notFound('task', taskId);
    return task;
  }

  /** The project, its compiled calendar, every task and every dependency. */
  async load(manager: EntityManager, projectId: string): Promise<ProjectNetwork> {
    // One after the other: the queries of a transaction share its connection anyway.
    const { project, spec, calendar } = await this.calendars.forProject(projectId, manager);
    // Plain rows, not TypeORM's hydration: most of the time of a large project's first schedule went there.
    const tasks = await plainRows(manager, TaskEntity, 'project_id = $1', [projectId], TASK_ORDER);
    const links = await plainRows(manager, DependencyEntity, 'project_id = $1', [projectId], LINK_ORDER);
    return { project, spec, calendar, tasks, links };
  }

  /**
   * The network as of `manager`'s snapshot, from one read earlier whose project and calendar
   * are unchanged: only the tasks and links that are new or have another version are read
   * (after an edit, a few rows instead of a 10,000-task project).
   */
  async reload(
    manager: EntityManager,
    previous: ProjectNetwork,
    changed: { tasks: boolean; links: boolean },
  ): Promise<ProjectNetwork> {
    const projectId = previous.project.id;
    const tasks = changed.tasks
      ? await changedRows(manager, TaskEntity, projectId, previous.tasks, TASK_ORDER)
      : previous.tasks;
    const links = changed.links
      ? await changedRows(manager, DependencyEntity, projectId, previous.links, LINK_ORDER)
      : previous.links;
    return { ...previous, tasks, links };
  }

  /**
   * The part of a project an edit at `originIds` can move: the origins and every task after
   * them along the links (`downstream`), the links into those, and the tasks before them that
   * are not downstream themselves, pinned at their stored dates. Scheduling it gives the
   * downstream tasks the dates a schedule of the whole project gives them when the tasks
   * before them are where they are stored (as every edit leaves them: edits push what follows).
   * A 10,000-task project is not read whole for an edit that reaches a few tasks.
   */
  async loadDownstream(
    manager: EntityManager,
    projectId: string,
    originIds: readonly string[],
    known: {
      downstream?: ReadonlySet<string>;
      calendar?: ProjectCalendar;
      kept?: ProjectNetwork;
      /** Only the origins and the tasks right after them (one step along the links), not all downstream. */
      next?: boolean;
    } = {},
  ): Promise<{ network: ProjectNetwork<NetworkTask, NetworkLink>; downstream: ReadonlySet<string> }> {
    const { project, spec, calendar } = known.calendar ?? (await this.calendars.forProject(projectId, manager));
    if (known.next) {
      const { links, downstream } = await linksIntoNext(manager, projectId, originIds);
      return {
        network: { project, spec, calendar, ...(await tasksBefore(manager, projectId, links, downstream)) },
        downstream,
      };
    }
    const downstream = known.downstream ?? (await downstreamIds(manager, originIds));
    if (known.kept) {
      // A whole network read earlier, brought to this snapshot by reading only what changed since.
      const whole = await this.reload(manager, known.kept, { tasks: true, links: true });
      return { network: { project, spec, calendar, ...partBefore(whole, downstream) }, downstream };
    }
    const links = await plainRows(
      manager,
      DependencyEntity,
      'project_id = $1 AND successor_id = ANY($2::uuid[])',
      [projectId, [...downstream]],
      LINK_ORDER,
      NETWORK_LINK_FIELDS,
    );
    return {
      network: { project, spec, calendar, ...(await tasksBefore(manager, projectId, links, downstream)) },
      downstream,
    };
  }

  /** Whether the actor reads every task of a project it may see: administrators and viewers, coordinators. */
  readsAllTasks(actor: Actor): boolean {
    return readScope(Resource.Task, actor) === 'all' || actor.role === Role.Coordinator;
  }

  /** The tasks of a project the actor may read (the task read scope of libs/auth/access). */
  async taskVisibility(manager: EntityManager, projectId: string, actor: Actor): Promise<TaskVisibility> {
    if (this.readsAllTasks(actor)) {
      return Object.assign(() => true, { all: true });
    }
    const rows = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
      .select('e.id')
      .andWhere('e.projectId = :projectId', { projectId })
      .getMany();
    const ids = new Set(rows.map((row) => row.id));
    return (taskId) => ids.has(taskId);
  }
}

/**
 * The links into `originIds` and into the tasks right after them, in one statement (the tasks
 * right after are those its links from the origins reach): where an edit looks first, one round
 * trip fewer under the project lock than reading the successors and then the links.
 */
async function linksIntoNext(
  manager: EntityManager,
  projectId: string,
  originIds: readonly string[],
): Promise<{ links: NetworkLink[]; downstream: ReadonlySet<string> }> {
  const links = await plainRows(
    manager,
    DependencyEntity,
    `project_id = $1 AND successor_id = ANY(array_cat($2::uuid[],
       ARRAY(SELECT d.successor_id FROM dependencies d WHERE d.predecessor_id = ANY($2::uuid[]))))`,
    [projectId, originIds],
    LINK_ORDER,
    NETWORK_LINK_FIELDS,
  );
  const origins = new Set(originIds);
  const downstream = new Set(originIds);
  for (const link of links) if (origins.has(link.predecessorId)) downstream.add(link.successorId);
  return { links, downstream };
}

/**
 * The rows of the downstream tasks and of the tasks their links start from (those pinned, see
 * partBefore). Only what the engine and the write of moves read: the texts, JSON and arrays of
 * a thousand whole rows took longer to parse than to schedule.
 */
async function tasksBefore(
  manager: EntityManager,
  projectId: string,
  links: readonly NetworkLink[],
  downstream: ReadonlySet<string>,
): Promise<Pick<ProjectNetwork<NetworkTask, NetworkLink>, 'tasks' | 'links'>> {
  const ids = new Set(downstream);
  for (const link of links) ids.add(link.predecessorId);
  const rows = await plainRows(
    manager,
    TaskEntity,
    'project_id = $1 AND id = ANY($2::uuid[])',
    [projectId, [...ids]],
    TASK_ORDER,
    NETWORK_TASK_FIELDS,
  );
  return partBefore({ tasks: rows, links }, downstream);
}

/**
 * The downstream tasks of a network (a whole one, or one read for them), the links into them and
 * the other tasks those start from, pinned where they are stored (as manual tasks); in the
 * network's order. With `index` (the network's, see NetworkIndex) in time proportional to the
 * part, else to the network.
 */
export function partBefore(
  network: { readonly tasks: readonly NetworkTask[]; readonly links: readonly NetworkLink[] },
  downstream: ReadonlySet<string>,
  index?: Pick<NetworkIndex, 'taskAt' | 'linksInto'>,
): Pick<ProjectNetwork<NetworkTask, NetworkLink>, 'tasks' | 'links'> {
  const links = index
    ? positionsOf(downstream, (id, found) => index.linksInto.get(id)?.forEach((at) => found.push(at))).map(
        (at) => network.links[at],
      )
    : network.links.filter((link) => downstream.has(link.successorId));
  const ids = new Set(downstream);
  for (const link of links) ids.add(link.predecessorId);
  const part = index
    ? positionsOf(ids, (id, found) => {
        const at = index.taskAt.get(id);
        if (at !== undefined) found.push(at);
      }).map((at) => network.tasks[at])
    : network.tasks.filter((task) => ids.has(task.id));
  // Copies: kept rows are shared with the schedule cache.
  const tasks = part.map((task) => (downstream.has(task.id) ? task : { ...task, schedulingMode: SchedulingMode.Manual }));
  return { tasks, links };
}

/** The positions `find` gives for `ids`, ascending (a typed array sorts numbers without a comparator). */
function positionsOf(ids: Iterable<string>, find: (id: string, found: number[]) => void): number[] {
  const found: number[] = [];
  for (const id of ids) find(id, found);
  return Array.from(Int32Array.from(found).sort());
}
