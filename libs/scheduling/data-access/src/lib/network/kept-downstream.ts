import { TaskEntity } from '@worksite/server-data-access';
import { EntityManager } from 'typeorm';
import { ProjectCalendar } from '../calendar/project-calendar.service';
import type { MovedRow, PlannedMove } from '../rescheduler/schedule-writer';
import type { KeptNetwork } from './kept-networks';
import { plainRows } from './plain-rows';
import { NETWORK_TASK_FIELDS, NetworkLink, NetworkTask, ProjectNetwork } from './project-network';
import { linkIndex, NetworkIndex, reachedFrom, taskPositions } from './network-index';
import { partBefore, TASK_ORDER } from './project-network.service';

/**
 * The part of a project an edit at `originIds` can move (as ProjectNetworkService.loadDownstream
 * gives it), from a kept network known to be exact (KeptNetworks.exact) but for the origins' own
 * rows, which the edit's transaction wrote and which are read again here. Also the whole network
 * with those rows, for keeping after the edit. The project and calendar are `calendar`'s (read
 * under the edit's lock), not the kept ones. `index` serves `whole` (the same positions as the kept
 * network's). All in time proportional to the part, but for copying the list of tasks.
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
  index: NetworkIndex;
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
  const index = indexOf(kept);
  // The kept rows with the origins' as read now, at the same positions (the index serves both).
  const tasks = kept.network.tasks.slice();
  for (const row of origins) {
    const at = index.taskAt.get(row.id);
    if (at !== undefined) tasks[at] = { ...tasks[at], ...row };
  }
  const downstream = reachedFrom(index.successors, originIds);
  const whole: ProjectNetwork = { project, spec, calendar, tasks, links: kept.network.links };
  return { network: { project, spec, calendar, ...partBefore(whole, downstream, index) }, downstream, whole, index };
}

/** `whole` with `moves` written as `rows` (writeMoves' answer, in the same order), each at its position (by `index`, whole's own). */
export function withMoves<N extends ProjectNetwork<NetworkTask, NetworkLink>>(
  whole: N,
  moves: readonly PlannedMove[],
  rows: readonly MovedRow[],
  index: Pick<NetworkIndex, 'taskAt'>,
): N {
  if (moves.length === 0) return whole;
  const tasks = whole.tasks.slice();
  moves.forEach((move, i) => {
    const at = index.taskAt.get(move.task.id);
    if (at === undefined) return;
    const row = rows[i];
    tasks[at] = {
      ...tasks[at],
      plannedStart: new Date(row.start),
      plannedFinish: new Date(row.finish),
      startDate: row.startDate,
      finishDate: row.finishDate,
      version: row.version,
    };
  });
  return { ...whole, tasks };
}

/** The kept network's index, built once (kept on while its positions and links stay, see keepOnCommit). */
function indexOf(kept: KeptNetwork): NetworkIndex {
  kept.taskAt ??= taskPositions(kept.network.tasks);
  kept.links ??= linkIndex(kept.network.links);
  return { taskAt: kept.taskAt, ...kept.links };
}
