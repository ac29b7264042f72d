import { EngineState } from './engine-state';
import { KIND_PRED_START, KIND_SUCC_FINISH } from './link-table';
import { CONS_MSO, CONS_SNET } from './task-table';

/**
 * Early dates in calendar positions (working ms), so every link is a plain addition:
 * FS: ES(s) >= EF(p) + lag, SS: ES(s) >= ES(p) + lag,
 * FF: EF(s) >= EF(p) + lag, SF: EF(s) >= ES(p) + lag, with EF = ES + duration.
 * Automatic tasks also start no earlier than the project start and their
 * start-no-earlier-than; must-start-on and manual tasks are pinned.
 */

/** Early start computed by {@link computeEarlyStart}; early finish is it plus the duration. */
export function computeEarlyStart(state: EngineState, i: number): number {
  const t = state.tasks;
  if (t.manual[i]) return t.pinStartPos[i];
  const cons = t.consType[i];
  if (cons === CONS_MSO) return t.consPos[i];
  let es = state.projectStartPos;
  if (cons === CONS_SNET && t.consPos[i] > es) es = t.consPos[i];
  const d = t.dur[i];
  const tes = t.es;
  const tef = t.ef;
  const { from, kind, lag } = state.links;
  const inn = state.inn;
  const data = inn.data;
  for (let k = inn.start[i], e = k + inn.len[i]; k < e; k++) {
    const l = data[k];
    const p = from[l];
    const code = kind[l];
    let v = (code & KIND_PRED_START ? tes[p] : tef[p]) + lag[l];
    if (code & KIND_SUCC_FINISH) v -= d;
    if (v > es) es = v;
  }
  return es;
}

/** Early finish for a task whose early start is `es`. */
export function earlyFinishFor(state: EngineState, i: number, es: number): number {
  const t = state.tasks;
  return t.manual[i] ? t.pinFinishPos[i] : es + t.dur[i];
}

/** Recomputes every task's early dates in topological order. */
export function forwardPass(state: EngineState): void {
  const { order, size } = state.topo;
  const t = state.tasks;
  const alive = t.alive;
  for (let p = 0; p < size; p++) {
    const i = order[p];
    if (!alive[i]) continue;
    const es = computeEarlyStart(state, i);
    t.es[i] = es;
    t.ef[i] = earlyFinishFor(state, i, es);
  }
  state.lateValid = false;
}
