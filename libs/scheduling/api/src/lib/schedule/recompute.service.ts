import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { textOf } from '@worksite/shared-i18n';
import { Actor, Resource, writeRefusal } from '@worksite/auth-access';
import { RecomputeResultDto } from '@worksite/shared-domain';
import { taskMoveDto } from '../mapping/schedule-output';
import {
  lockProjectForScheduling,
  PlannedMove,
  ProjectNetwork,
  ProjectNetworkService,
  scheduleNetwork,
  writeMoves,
} from '@worksite/scheduling-data-access';

/** Brings the stored dates of a project's automatic tasks to what the engine computes. */
@Injectable()
export class RecomputeService {
  constructor(private readonly networks: ProjectNetworkService) {}

  /**
   * Dry run (default): the tasks that would move, from where to where, limited to those the
   * actor may see. Apply: coordinators of the project and admins only; every move written in
   * one transaction under the project lock, each row conditional on the version it was
   * computed from (409 `schedule_conflict` and nothing written if one changed meanwhile).
   * Moves go both ways: a recompute also closes gaps that edits leave (edits only push later).
   */
  recompute(projectId: string, actor: Actor, apply: boolean): Promise<RecomputeResultDto> {
    if (!apply) {
      return this.networks.read(async (manager) => {
        await this.networks.visibleProject(manager, projectId, actor);
        const network = await this.networks.load(manager, projectId);
        const visible = await this.networks.taskVisibility(manager, projectId, actor);
        const moves = movesOf(network).filter((move) => visible(move.task.id));
        return { applied: false, moved: moves.map(moveDto) };
      });
    }
    return this.networks.write(async (manager) => {
      await this.networks.visibleProject(manager, projectId, actor);
      const refusal = writeRefusal(Resource.Project, 'update', actor, { projectId });
      if (refusal) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', {
          key: 'recompute_apply_forbidden',
          params: { reason: textOf(refusal.message) },
        });
      }
      await lockProjectForScheduling(manager, projectId);
      const network = await this.networks.load(manager, projectId);
      const moves = movesOf(network);
      await writeMoves(manager, actor, network.project.timeZone, moves);
      return { applied: true, moved: moves.map(moveDto) };
    });
  }
}

/** Automatic tasks whose computed dates differ from the stored ones (pinned tasks never differ). */
function movesOf(network: ProjectNetwork): PlannedMove[] {
  const { byId, scheduledAs } = scheduleNetwork(network);
  const moves: PlannedMove[] = [];
  for (const task of network.tasks) {
    const scheduled = byId.get(task.id);
    if (!scheduled || scheduledAs.get(task.id) !== 'automatic') continue;
    if (scheduled.start === task.plannedStart.getTime() && scheduled.finish === task.plannedFinish.getTime()) continue;
    moves.push({ task, to: { start: scheduled.start, finish: scheduled.finish } });
  }
  return moves;
}

function moveDto(move: PlannedMove) {
  const from = { start: move.task.plannedStart.getTime(), finish: move.task.plannedFinish.getTime() };
  return taskMoveDto({ id: move.task.id, from, to: move.to }, move.task.title);
}
