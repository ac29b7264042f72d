import { ConstraintType } from '@worksite/shared-domain';
import { MINUTE_MS } from '../calendar/civil-date';
import { Violation } from '../model/schedule-result';
import { linkSlack } from './backward-pass';
import { EngineState } from './engine-state';
import { KIND_PRED_START, KIND_SUCC_FINISH, dependencyTypeOf } from './link-table';
import { CONS_FNLT, CONS_MSO, CONS_NONE, CONS_SNET } from './task-table';

const CONSTRAINT_TYPES: readonly (ConstraintType | null)[] = [
  null,
  ConstraintType.StartNoEarlierThan,
  ConstraintType.FinishNoLaterThan,
  ConstraintType.MustStartOn,
];

export function constraintTypeOf(code: number): ConstraintType | null {
  return CONSTRAINT_TYPES[code];
}

/** Violations of task i (see {@link Violation}); only pinned tasks can violate links. */
export function violationsOf(state: EngineState, i: number, out: Violation[]): void {
  const t = state.tasks;
  const cal = state.calendar;
  const id = t.ids[i];
  const cons = t.consType[i];
  const pinned = t.manual[i] === 1 || cons === CONS_MSO;
  if (pinned) {
    const inn = state.inn;
    const links = state.links;
    for (let k = inn.start[i], e = k + inn.len[i]; k < e; k++) {
      const l = inn.data[k];
      const slack = linkSlack(state, l);
      if (slack >= 0) continue;
      const code = links.kind[l];
      const p = links.from[l];
      const requiredPos = (code & KIND_PRED_START ? t.es[p] : t.ef[p]) + links.lag[l];
      const onFinish = (code & KIND_SUCC_FINISH) !== 0;
      out.push({
        kind: 'dependency',
        taskId: id,
        linkId: links.ids[l],
        predecessorId: t.ids[p],
        type: dependencyTypeOf(code),
        lag: links.lag[l] / MINUTE_MS,
        actual: onFinish ? state.finishOf(i) : state.startOf(i),
        required: onFinish ? cal.finishAtPosition(requiredPos) : cal.startAtPosition(requiredPos),
        byMinutes: -slack / MINUTE_MS,
      });
    }
  }
  if (cons === CONS_NONE) return;
  const constraint = { type: constraintTypeOf(cons) as ConstraintType, at: t.consAt[i] };
  let by = 0;
  let actual = 0;
  if (cons === CONS_FNLT) {
    by = t.ef[i] - t.consPos[i];
    actual = state.finishOf(i);
  } else if (t.manual[i] && cons === CONS_SNET) {
    by = t.consPos[i] - t.es[i];
    actual = state.startOf(i);
  } else if (t.manual[i] && cons === CONS_MSO) {
    by = Math.abs(t.consPos[i] - t.es[i]);
    actual = state.startOf(i);
  }
  if (by > 0) {
    out.push({ kind: 'constraint', taskId: id, constraint, actual, required: t.consAt[i], byMinutes: by / MINUTE_MS });
  }
}

/** All violations, ordered by task id, then dependencies before constraints, then link id. */
export function collectViolations(state: EngineState): Violation[] {
  const out: Violation[] = [];
  const t = state.tasks;
  for (let i = 0; i < t.count; i++) {
    if (!t.alive[i]) continue;
    if (t.manual[i] || t.consType[i] !== CONS_NONE) violationsOf(state, i, out);
  }
  return out.sort(compareViolations);
}

function compareViolations(a: Violation, b: Violation): number {
  if (a.taskId !== b.taskId) return a.taskId < b.taskId ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'dependency' ? -1 : 1;
  const la = a.kind === 'dependency' ? a.linkId : '';
  const lb = b.kind === 'dependency' ? b.linkId : '';
  return la < lb ? -1 : la > lb ? 1 : 0;
}
