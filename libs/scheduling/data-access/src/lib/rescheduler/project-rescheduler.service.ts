import { Injectable, Optional } from '@nestjs/common';
import { Actor } from '@worksite/auth-access';
import { DependencyEntity, TaskEntity } from '@worksite/server-data-access';
import { addPhaseTime, timedPhase } from '@worksite/server-observability';
import { EntityManager } from 'typeorm';
import { ProjectNetworkService } from '../network/project-network.service';
import { NetworkLink, NetworkTask, ProjectNetwork } from '../network/project-network';
import { KeptNetworks } from '../network/kept-networks';
import { downstreamFromKept, withMoves } from '../network/kept-downstream';
import { downstreamIds } from '../network/downstream';
import { scheduledSpans } from '../network/schedule-network';
import { ProjectCalendar, ProjectCalendarService } from '../calendar/project-calendar.service';
import { lockProjectForScheduling } from './schedule-lock';
import { PlannedMove, writeMoves } from './schedule-writer';

/**
 * Keeps a project's schedule following its edits, inside each edit's transaction; planning's
 * write paths (tasks, dependencies) call it, and an ApiError it throws rolls the edit back.
 *
 * The rule: an edit (a task's dates, duration, mode, constraint or status; a dependency
 * created or its type or lag changed) pushes the AUTOMATIC tasks downstream of it, and the
 * edited automatic task itself, later when their links now demand it, and never pulls
 * anything earlier: crews are not asked to come sooner than they were told because someone finished early or a link went away (deleting a
 * dependency moves nothing). Manual, done and in-progress tasks stay where they are; if a
 * link now breaks, GET schedule reports it as a violation. POST recompute brings everything,
 * both ways, to the engine's dates when a coordinator asks for it.
 *
 * How: under the project lock, the part of the network the edit can move is read (the edited
 * tasks, what follows them, and the tasks before those pinned where they are stored) and
 * scheduled with every automatic task held no earlier than its planned start (reading
 * `hold`); the downstream tasks whose computed dates are later than their stored ones are
 * written with version + 1 and an audit entry each. An engine failure is a 4xx and rolls the
 * edit back.
 *
 * First the edit is followed a few steps along the links, reading at each step only the tasks
 * right after what moved (pushStepwise); only when tasks still move after those steps is
 * everything downstream read at once. A task edit that wrote only its own row reads none of
 * this when the api keeps the project's network and it is exact (pushFromKept).
 */
/** What a write already did in its transaction before asking for a reschedule. */
export interface KnownBeforeWrite {
  /** The project is locked for scheduling in this transaction. */
  locked?: boolean;
  /** The downstream of the origins (themselves included), read in this transaction. */
  downstream?: ReadonlySet<string>;
  /** The project and its calendar, read in this transaction (after its lock). */
  calendar?: ProjectCalendar;
  /**
   * The transaction wrote only the origins' rows before (one statement): the push may go on from
   * the api's kept network when it is exact (KeptNetworks.exact), re-reading just those rows.
   */
  onlyOriginsWritten?: boolean;
}

/**
 * From this many tasks downstream of an edit, the push reads the project's kept network (ids
 * and versions of all its rows, then the rows changed since it was kept) instead of the rows
 * of the downstream tasks: reading 5,000 tasks and 8,000 links took 40–90 ms of an edit early
 * in a 10,000-task plan, reading what changed about 10 ms. Below it (an edit late in the plan)
 * reading the downstream rows is as quick.
 */
const KEPT_FROM = 2000;

/**
 * How many steps along the links an edit is followed one step at a time before all that follows
 * it is read at once: most edits are taken up by slack within a step or two (an edit early in a
 * 10,000-task plan moved 1 task and read thousands); an edit that moves a long chain costs these
 * steps' small reads on top (about 1 ms each).
 */
const STEPS = 3;

@Injectable()
export class ProjectRescheduler {
  constructor(
    private readonly networks: ProjectNetworkService,
    private readonly calendars: ProjectCalendarService,
    @Optional() private readonly kept?: KeptNetworks,
  ) {}

  /** A new task has no links yet: only check that the engine can schedule it. */
  async taskCreated(manager: EntityManager, _actor: Actor, task: TaskEntity): Promise<void> {
    const { project, spec, calendar } = await this.calendars.forProject(task.projectId, manager);
    scheduledSpans({ project, spec, calendar, tasks: [task], links: [] });
  }

  /**
   * The edited task itself is included: an automatic task moved earlier than its links allow
   * is stored where the engine puts it (as MS Project does), not in breach of the link.
   */
  async taskChanged(
    manager: EntityManager,
    actor: Actor,
    task: TaskEntity,
    known: KnownBeforeWrite = {},
  ): Promise<readonly PlannedMove[]> {
    return this.pushDownstream(manager, actor, task.projectId, [task.id], true, known);
  }

  /** Tasks put back by an undo (or their links): what follows them is pushed as after an edit. */
  async tasksRestored(manager: EntityManager, actor: Actor, projectId: string, taskIds: string[]): Promise<void> {
    if (taskIds.length > 0) await this.pushDownstream(manager, actor, projectId, taskIds, true);
  }

  /**
   * Several tasks of one project edited at once (a bulk edit): one pass over the network for all
   * of them. Returns how many other tasks it pushed.
   */
  async tasksChanged(
    manager: EntityManager,
    actor: Actor,
    projectId: string,
    taskIds: readonly string[],
  ): Promise<number> {
    const moves = await this.pushDownstream(manager, actor, projectId, [...taskIds], true);
    const edited = new Set(taskIds);
    return moves.filter((move) => !edited.has(move.task.id)).length;
  }

  /**
   * A link was created or changed: pushes its successor and what follows. The dependency write
   * locked the project before writing (it has to, for the cycle check), so `known.locked` spares
   * a second lock statement; `known.downstream`, the successor's downstream read by that check,
   * spares reading it again (a new link into the successor does not change it).
   */
  async dependencyChanged(
    manager: EntityManager,
    actor: Actor,
    dependency: DependencyEntity,
    known: KnownBeforeWrite = {},
  ): Promise<void> {
    await this.pushDownstream(manager, actor, dependency.projectId, [dependency.successorId], true, known);
  }

  /**
   * The moves of an edit found step by step along the links, reading only the tasks right after
   * what moved at each step (and the tasks before those, where they stand now: stored, or where
   * an earlier step moved them); undefined when tasks still move after STEPS steps, and all that
   * follows the edit is read at once instead. A task's dates follow only from the tasks before it,
   * so when a step moves nothing new, nothing further moves.
   */
  private async pushStepwise(
    manager: EntityManager,
    projectId: string,
    originIds: readonly string[],
    inclusive: boolean,
    known: KnownBeforeWrite,
  ): Promise<{ moves: PlannedMove[]; timeZone: string } | undefined> {
    const moved = new Map<string, PlannedMove>();
    let frontier = originIds;
    for (let step = 0; step < STEPS; step++) {
      const { network, downstream: scope } = await timedPhase(PUSH_READ, () =>
        this.networks.loadDownstream(manager, projectId, frontier, { ...known, next: true }),
      );
      const tasks = network.tasks.map((task) => {
        const move = scope.has(task.id) ? undefined : moved.get(task.id);
        return move
          ? { ...task, plannedStart: new Date(move.to.start), plannedFinish: new Date(move.to.finish) }
          : task;
      });
      const changed: string[] = [];
      for (const move of timedMovesIn({ ...network, tasks }, scope, originIds, inclusive)) {
        const before = moved.get(move.task.id);
        if (before?.to.start === move.to.start && before.to.finish === move.to.finish) continue;
        moved.set(move.task.id, move);
        // The tasks right after the frontier were scheduled with it; those after the others are next.
        if (!frontier.includes(move.task.id)) changed.push(move.task.id);
      }
      if (changed.length === 0) return { moves: [...moved.values()], timeZone: network.project.timeZone };
      frontier = changed;
    }
    return undefined;
  }

  /**
   * The push computed from the api's kept network when it is exact (no reads but the origins'
   * rows), written, and the network as the write leaves it kept once the edit commits, so that
   * the next edit goes on from it too; undefined when there is no exact kept network.
   */
  private async pushFromKept(
    manager: EntityManager,
    actor: Actor,
    projectId: string,
    originIds: readonly string[],
    inclusive: boolean,
    known: KnownBeforeWrite,
  ): Promise<PlannedMove[] | undefined> {
    const kept = this.kept;
    const exact = kept && (await timedPhase(PUSH_READ, () => kept.exact(manager, projectId)));
    if (!kept || !exact) return undefined;
    const calendar = known.calendar ?? (await this.calendars.forProject(projectId, manager));
    const { network, downstream, whole, index } = await timedPhase(PUSH_READ, () =>
      downstreamFromKept(manager, exact.kept, originIds, calendar),
    );
    const moves = timedMovesIn(network, downstream, originIds, inclusive);
    const timeZone = calendar.project.timeZone;
    const rows = await timedPhase(PUSH_WRITE, () => writeMoves(manager, actor, timeZone, moves));
    kept.keepOnCommit(manager, projectId, exact.kept, exact.xid, withMoves(whole, moves, rows, index));
    return moves;
  }

  /** Pushes the automatic tasks after `originIds` (and the origins themselves when `inclusive`). */
  private async pushDownstream(
    manager: EntityManager,
    actor: Actor,
    projectId: string,
    originIds: string[],
    inclusive: boolean,
    known: KnownBeforeWrite = {},
  ): Promise<PlannedMove[]> {
    if (!known.locked) await lockProjectForScheduling(manager, projectId);
    const fromKept = known.onlyOriginsWritten
      ? await this.pushFromKept(manager, actor, projectId, originIds, inclusive, known)
      : undefined;
    if (fromKept) return fromKept;
    const stepwise = known.downstream
      ? undefined
      : await this.pushStepwise(manager, projectId, originIds, inclusive, known);
    if (stepwise) {
      await timedPhase(PUSH_WRITE, () => writeMoves(manager, actor, stepwise.timeZone, stepwise.moves));
      this.kept?.moved(projectId, stepwise.moves.length);
      return stepwise.moves;
    }
    const downstream = known.downstream ?? (await timedPhase(PUSH_READ, () => downstreamIds(manager, originIds)));
    const kept = downstream.size >= KEPT_FROM ? this.kept?.fresh(projectId) : undefined;
    const { network } = await timedPhase(PUSH_READ, () =>
      this.networks.loadDownstream(manager, projectId, originIds, { ...known, downstream, kept }),
    );
    const moves = timedMovesIn(network, downstream, originIds, inclusive);
    await timedPhase(PUSH_WRITE, () => writeMoves(manager, actor, network.project.timeZone, moves));
    this.kept?.moved(projectId, moves.length);
    // An edit reaching much of the project is likely followed by another: the kept network catches up.
    if (kept && moves.length > 0) this.kept?.refreshLater(projectId);
    return moves;
  }
}

/** The phases of a push in its request's Server-Timing: reading the network, the engine, writing the moves. */
const PUSH_READ = 'push-read';
const PUSH_ENGINE = 'push-engine';
const PUSH_WRITE = 'push-write';

/** movesIn, its time added to the request's push-engine phase. */
function timedMovesIn(...args: Parameters<typeof movesIn>): PlannedMove[] {
  const began = performance.now();
  const moves = movesIn(...args);
  addPhaseTime(PUSH_ENGINE, performance.now() - began);
  return moves;
}

/**
 * The tasks of `downstream` the engine puts later than they are stored (automatic ones only;
 * the origins themselves only when `inclusive`), scheduling `network` with every automatic task
 * held no earlier than its planned start.
 */
function movesIn(
  network: ProjectNetwork<NetworkTask, NetworkLink>,
  downstream: ReadonlySet<string>,
  originIds: readonly string[],
  inclusive: boolean,
): PlannedMove[] {
  const { spanOf, scheduledAs } = scheduledSpans(network, 'hold');
  const moves: PlannedMove[] = [];
  for (const task of network.tasks) {
    const scheduled = spanOf(task.id);
    if (!scheduled || !downstream.has(task.id) || scheduledAs.get(task.id) !== 'automatic') continue;
    if (!inclusive && originIds.includes(task.id)) continue;
    if (scheduled.start > task.plannedStart.getTime() || scheduled.finish > task.plannedFinish.getTime()) {
      moves.push({ task, to: { start: scheduled.start, finish: scheduled.finish } });
    }
  }
  return moves;
}
