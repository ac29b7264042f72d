import { Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { SharedScheduleBodies } from './shared-bodies';
import { Actor } from '@worksite/auth-access';
import { CriticalPathDto, ProjectScheduleDto, ScheduledTaskDto } from '@worksite/shared-domain';
import {
  calendarSpecDto,
  dependencyDto,
  iso,
  projectDto,
  scheduledTaskSources,
  violationDto,
  withIsoInstants,
} from '../mapping/schedule-output';
import { CachedSchedule, RevisionCache, revisionChanges, scheduleRevision } from './schedule-cache';
import { encodeBody, ScheduleBody, ScheduleForm } from './schedule-body';
import {
  advancedSchedule,
  KeptNetworks,
  ProjectNetwork,
  ProjectNetworkService,
  ScheduledNetwork,
  scheduleNetwork,
  TaskVisibility,
} from '@worksite/scheduling-data-access';
import { compactScheduleText, encodeSchedule, ScheduleSource } from '@worksite/schedule-wire';
import { EntityManager } from 'typeorm';

/** The schedule of a project as the engine computes it, limited to what the actor may see. */
@Injectable()
export class ScheduleService implements OnApplicationShutdown {
  constructor(
    private readonly networks: ProjectNetworkService,
    private readonly shared: SharedScheduleBodies,
    @Optional() private readonly kept?: KeptNetworks,
  ) {}

  private readonly logger = new Logger(ScheduleService.name);
  private readonly cache = new RevisionCache<CachedSchedule>();
  private readonly computing = new Map<string, Promise<CachedSchedule>>();
  /** Background computations started by warmLater, awaited at shutdown (none starts after it began). */
  private readonly warming = new Set<Promise<unknown>>();
  private closing = false;

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.warming]);
  }

  /**
   * Computed over the whole project (a hidden predecessor still drives a visible task), then
   * filtered: the tasks the actor may read, the links between two of them, their part of the
   * critical path and their violations.
   */
  async schedule(projectId: string, actor: Actor): Promise<ProjectScheduleDto> {
    const { whole, visible } = await this.wholeSchedule(projectId, actor);
    return visible ? limitTo(fullSchedule(whole), visible) : fullSchedule(whole);
  }

  /**
   * The schedule as a body for the wire, in the asked form and encoding. For users who see
   * the whole project: from this api's cache (encoded and compressed once per revision), else
   * as another api (or this one before a restart) stored it in Redis at this revision, else
   * computed, and then stored for the others.
   */
  scheduleBody(
    projectId: string,
    actor: Actor,
    form: ScheduleForm,
    encoding: ScheduleBody['encoding'],
  ): Promise<ScheduleBody> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      if (!visible.all)
        return encodeBody(this.json(await this.computedIn(manager, projectId), form, visible), encoding);
      const key = `${form}:${encoding ?? 'identity'}`;
      const revision = await scheduleRevision(manager, projectId);
      const cached = this.cache.get(projectId, revision);
      const kept = cached?.bodies.get(key);
      if (kept) return kept;
      if (!cached) {
        const shared = await this.shared.get(projectId, revision, key);
        if (shared) {
          this.warmLater(projectId);
          return shared;
        }
      }
      const whole = cached ?? (await this.computedIn(manager, projectId, revision));
      const body = encodeBody(this.json(whole, form), encoding);
      whole.bodies.set(key, body);
      this.shared.put(projectId, revision, key, body);
      return body;
    });
  }

  /** The schedule's JSON in the asked form, limited to `visible` tasks if given. */
  private json(whole: CachedSchedule, form: ScheduleForm, visible?: TaskVisibility): string {
    if (form === 'compact' && visible) return JSON.stringify(encodeSchedule(limitTo(whole.source, visible)));
    if (form === 'compact') {
      // Only the columns an edit changed are encoded again (compactScheduleText).
      const { json, columns } = compactScheduleText(whole.source, whole.columns ?? whole.earlierColumns);
      whole.columns = columns;
      whole.earlierColumns = undefined;
      return json;
    }
    return JSON.stringify(visible ? limitTo(fullSchedule(whole), visible) : fullSchedule(whole));
  }

  /**
   * After an answer from Redis: this api computes the project for itself in the background,
   * so that its next answer after an edit goes on from it instead of computing it whole.
   */
  private warmLater(projectId: string): void {
    if (this.closing || this.cache.latest(projectId)) return;
    const warm = new Promise<void>((started) => setImmediate(started))
      .then(() => (this.closing ? undefined : this.networks.read((manager) => this.computedIn(manager, projectId))))
      .catch((error: Error) => this.logger.warn(`schedule of ${projectId} not kept: ${error.message}`))
      .finally(() => this.warming.delete(warm));
    this.warming.add(warm);
  }

  /** The cached or freshly computed schedule of the whole project, and the actor's task filter (none: all). */
  private wholeSchedule(projectId: string, actor: Actor): Promise<{ whole: CachedSchedule; visible?: TaskVisibility }> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      return { whole: await this.computedIn(manager, projectId), visible: visible.all ? undefined : visible };
    });
  }

  /**
   * The whole project's schedule as of `manager`'s snapshot: from the cache when its revision
   * is the stored one, else loaded and computed (and cached). The caller checks access.
   */
  async computedIn(manager: EntityManager, projectId: string, known?: string): Promise<CachedSchedule> {
    const revision = known ?? (await scheduleRevision(manager, projectId));
    const cached = this.cache.get(projectId, revision);
    if (cached) return cached;
    // Requests arriving together for a revision nobody computed yet share one computation.
    const key = `${projectId}@${revision}`;
    let computing = this.computing.get(key);
    if (!computing) {
      computing = this.computed(manager, projectId, revision).finally(() => this.computing.delete(key));
      this.computing.set(key, computing);
    }
    return computing;
  }

  private async computed(manager: EntityManager, projectId: string, revision: string): Promise<CachedSchedule> {
    const network = await this.loadedIn(manager, projectId, revision);
    const earlier = this.cache.latest(projectId);
    const scheduled = this.scheduledFrom(projectId, network);
    const { result, byId, scheduledAs } = scheduled;
    const whole: CachedSchedule = {
      revision,
      network,
      scheduled,
      bodies: new Map(),
      earlierColumns: earlier?.columns ?? earlier?.earlierColumns,
      source: {
        project: projectDto(network.project),
        calendar: calendarSpecDto(network.spec),
        tasks: scheduledTaskSources(
          network.tasks,
          byId,
          scheduledAs,
          earlier && {
            tasks: earlier.network.tasks,
            sources: earlier.source.tasks,
          },
        ),
        dependencies:
          earlier && earlier.network.links === network.links
            ? earlier.source.dependencies
            : network.links.map(dependencyDto),
        criticalPath: [...result.criticalPath],
        violations: result.violations.map(violationDto),
        projectStart: iso(result.projectStart),
        projectFinish: iso(result.projectFinish),
      },
    };
    this.cache.set(projectId, whole);
    // Read in a read-only snapshot (networks.read): an edit reaching much of the project goes on from it.
    if (this.kept) this.kept.keep(projectId, network, await this.kept.snapshotOf(manager));
    return whole;
  }

  /**
   * The project's network at `revision`: from the kept one of an earlier revision when only
   * tasks or links changed (reading just the changed rows), else read whole.
   */
  private loadedIn(manager: EntityManager, projectId: string, revision: string): Promise<ProjectNetwork> {
    const earlier = this.cache.latest(projectId);
    if (!earlier) return this.networks.load(manager, projectId);
    const changes = revisionChanges(earlier.revision, revision);
    if (changes.plan) return this.networks.load(manager, projectId);
    return this.networks.reload(manager, earlier.network, changes);
  }

  /** `network` scheduled by going on from the kept schedule of an earlier revision when it can, else from scratch. */
  private scheduledFrom(projectId: string, network: ProjectNetwork): ScheduledNetwork {
    const earlier = this.cache.latest(projectId);
    if (earlier && !earlier.engineTaken) {
      const advanced = advancedSchedule(earlier.scheduled, earlier.network, network);
      if (advanced) {
        earlier.engineTaken = true;
        return advanced;
      }
    }
    return scheduleNetwork(network);
  }

  /** The critical tasks the actor may see, ordered by start, and the project's finish (from the cached schedule). */
  criticalPath(projectId: string, actor: Actor): Promise<CriticalPathDto> {
    return this.networks.read(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const { network, scheduled } = await this.computedIn(manager, projectId);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      const { result, byId } = scheduled;
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

/** The whole schedule as the API writes it (ISO instants), made once per cached entry. */
function fullSchedule(whole: CachedSchedule): ProjectScheduleDto {
  whole.schedule ??= {
    ...whole.source,
    tasks: whole.source.tasks.map((task) => withIsoInstants(task) as unknown as ScheduledTaskDto),
  };
  return whole.schedule;
}

/** The part of a schedule an actor may see: its tasks, the links between two of them, their path and violations. */
function limitTo<S extends ScheduleSource>(schedule: S, visible: TaskVisibility): S {
  return {
    ...schedule,
    tasks: schedule.tasks.filter((task) => visible(task.id)),
    dependencies: schedule.dependencies.filter((link) => visible(link.predecessorId) && visible(link.successorId)),
    criticalPath: schedule.criticalPath.filter(visible),
    violations: schedule.violations.filter((violation) => visible(violation.taskId)),
  };
}
