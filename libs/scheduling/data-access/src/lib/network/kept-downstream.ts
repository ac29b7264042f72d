import { TaskEntity } from '@worksite/server-data-access';
import { localDateIn } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';
import { ProjectCalendar } from '../calendar/project-calendar.service';
import type { PlannedMove } from '../rescheduler/schedule-writer';
import type { KeptNetwork } from './kept-networks';
import { plainRows } from './plain-rows';
import { NETWORK_TASK_FIELDS, NetworkLink, NetworkTask, ProjectNetwork } from './project-network';
import { partBefore, TASK_ORDER } from './project-network.service';

/**
 * The part of a project an edit at `originIds` can move (as ProjectNetworkService.loadDownstream
 * gives it), from a kept network known to be exact (KeptNetworks.exact) but for the origins' own
 * rows, which the edit's transaction wrote and which are read again here. Also the whole network
 * with those rows, for keeping after the edit. The project and calendar are `calendar`'s (read
 * under the edit's lock), not the kept ones.
 */
export async function downstreamFromKept(
  manager: EntityManager,
  kept: KeptNetwork,
  originIds: readonly string[],
  { project, spec, calendar }: ProjectCalendar,
): Promise<{
  network: ProjectNetwork<NetworkTask, NetworkLink>;
  downstream: ReadonlySet<string>;
  whole: ProjectNetwork;
}> {
  // The same statement as the rows of a full read (tasksBefore), prepared once per connection.
  const origins = await plainRows(
    manager,
    TaskEntity,
    'project_id = $1 AND id = ANY($2::uuid[])',
    [project.id, [...originIds]],
    TASK_ORDER,
    NETWORK_TASK_FIELDS,
  );
  const edited = new Map(origins.map((row) => [row.id, row]));
  const tasks = kept.network.tasks.map((task) => {
    const row = edited.get(task.id);
    return row ? { ...task, ...row } : task;
  });
  const successors = (kept.successors ??= successorsOf(kept.network.links));
  const downstream = new Set(originIds);
  const queue = [...originIds];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const next of successors.get(id) ?? []) {
      if (downstream.has(next)) continue;
      downstream.add(next);
      queue.push(next);
    }
  }
  const whole: ProjectNetwork = { project, spec, calendar, tasks, links: kept.network.links };
  return { network: { project, spec, calendar, ...partBefore(whole, downstream) }, downstream, whole };
}

/** `whole` as the write of `moves` leaves it: their dates, local days in `timeZone` and version + 1. */
export function withMoves<N extends ProjectNetwork<NetworkTask, NetworkLink>>(
  whole: N,
  moves: readonly PlannedMove[],
  timeZone: string,
): N {
  if (moves.length === 0) return whole;
  const moved = new Map(moves.map((move) => [move.task.id, move]));
  const tasks = whole.tasks.map((task) => {
    const move = moved.get(task.id);
    if (!move) return task;
    return {
      ...task,
      plannedStart: new Date(move.to.start),
      plannedFinish: new Date(move.to.finish),
      startDate: localDateIn(move.to.start, timeZone),
      finishDate: localDateIn(move.to.finish, timeZone),
      version: move.task.version + 1,
    };
  });
  return { ...whole, tasks };
}

function successorsOf(links: readonly NetworkLink[]): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const link of links) {
    const list = successors.get(link.predecessorId);
    if (list) list.push(link.successorId);
    else successors.set(link.predecessorId, [link.successorId]);
  }
  return successors;
}
