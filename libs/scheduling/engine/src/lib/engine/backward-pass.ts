import { EngineState } from './engine-state';
import { KIND_PRED_START, KIND_SUCC_FINISH } from './link-table';
import { CONS_FNLT } from './task-table';

/** Project finish position: the deadline when there is one, else the latest early finish. */
export function projectFinishPosition(state: EngineState): number {
  if (!Number.isNaN(state.deadlinePos)) return state.deadlinePos;
  return latestEarlyFinish(state);
}

/** Latest early finish of all live tasks (the project start when there are none). */
export function latestEarlyFinish(state: EngineState): number {
  const t = state.tasks;
  let pf = state.projectStartPos;
  for (let i = 0; i < t.count; i++) if (t.alive[i] && t.ef[i] > pf) pf = t.ef[i];
  return pf;
}

/**
 * Late dates in reverse topological order, mirroring the forward pass: a predecessor must
 * finish early enough for every successor's late dates, the project finish and its own
 * finish-no-later-than. Durations are EF - ES (for manual tasks, their pinned working span).
 * The same sweep computes free float: the least slack of the task's outgoing links and of
 * the gap to the project finish, never more than the total float (as MS Project does).
 */
export function backwardPass(state: EngineState): void {
  const pf = projectFinishPosition(state);
  const { order, size } = state.topo;
  const t = state.tasks;
  const { alive, es, ef, ls, lf, ff, consType, consPos } = t;
  const { to, kind, lag } = state.links;
  const out = state.out;
  const data = out.data;
  for (let p = size - 1; p >= 0; p--) {
    const i = order[p];
    if (!alive[i]) continue;
    const d = ef[i] - es[i];
    let late = pf;
    if (consType[i] === CONS_FNLT && consPos[i] < late) late = consPos[i];
    let free = pf - ef[i];
    for (let k = out.start[i], e = k + out.len[i]; k < e; k++) {
      const l = data[k];
      const s = to[l];
      const code = kind[l];
      const predStart = code & KIND_PRED_START;
      const succFinish = code & KIND_SUCC_FINISH;
      let v = (succFinish ? lf[s] : ls[s]) - lag[l];
      if (predStart) v += d;
      if (v < late) late = v;
      const slack = (succFinish ? ef[s] : es[s]) - ((predStart ? es[i] : ef[i]) + lag[l]);
      if (slack < free) free = slack;
    }
    lf[i] = late;
    ls[i] = late - d;
    ff[i] = Math.min(free, late - ef[i]);
  }
  state.lateValid = true;
}

/** Slack (working ms) of link `l`: how far its successor is beyond what the link requires. */
export function linkSlack(state: EngineState, l: number): number {
  const { from, to, kind, lag } = state.links;
  const { es, ef } = state.tasks;
  const code = kind[l];
  const p = from[l];
  const s = to[l];
  const succSide = code & KIND_SUCC_FINISH ? ef[s] : es[s];
  const predSide = code & KIND_PRED_START ? es[p] : ef[p];
  return succSide - (predSide + lag[l]);
}
