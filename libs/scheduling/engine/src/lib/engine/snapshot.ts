import { SchedulingMode } from '@worksite/shared-domain';
import { MINUTE_MS } from '../calendar/civil-date';
import { ScheduleResult, ScheduledLink, ScheduledTask } from '../model/schedule-result';
import { backwardPass, linkSlack } from './backward-pass';
import { EngineState } from './engine-state';
import { dependencyTypeOf } from './link-table';
import { collectViolations } from './violations';

/** Runs the backward pass if an edit made the late dates stale. */
export function ensureLateDates(state: EngineState): void {
  if (!state.lateValid) backwardPass(state);
}

/** One task as a plain object (late dates must be current). */
export function scheduledTaskAt(state: EngineState, i: number): ScheduledTask {
  const t = state.tasks;
  const cal = state.calendar;
  const es = t.es[i];
  const ls = t.ls[i];
  const lateStart = cal.startAtPosition(ls);
  const float = ls - es;
  return {
    id: t.ids[i],
    mode: t.manual[i] ? SchedulingMode.Manual : SchedulingMode.Automatic,
    start: state.startOf(i),
    finish: state.finishOf(i),
    duration: (t.ef[i] - es) / MINUTE_MS,
    lateStart,
    lateFinish: t.lf[i] === ls ? lateStart : cal.finishAtPosition(t.lf[i]),
    totalFloat: float / MINUTE_MS,
    freeFloat: t.ff[i] / MINUTE_MS,
    critical: float <= 0,
  };
}

/** The whole schedule as plain, serialisable objects. */
export function buildScheduleResult(state: EngineState): ScheduleResult {
  ensureLateDates(state);
  const t = state.tasks;
  const tasks: ScheduledTask[] = [];
  const critical: ScheduledTask[] = [];
  let projectFinish = state.projectStart;
  for (let i = 0; i < t.count; i++) {
    if (!t.alive[i]) continue;
    const task = scheduledTaskAt(state, i);
    tasks.push(task);
    if (task.critical) critical.push(task);
    if (task.finish > projectFinish) projectFinish = task.finish;
  }
  critical.sort((a, b) => a.start - b.start || a.finish - b.finish || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    projectStart: state.projectStart,
    projectFinish,
    deadline: state.deadline,
    tasks,
    links: scheduledLinks(state),
    criticalPath: critical.map((c) => c.id),
    violations: collectViolations(state),
  };
}

function scheduledLinks(state: EngineState): ScheduledLink[] {
  const links: ScheduledLink[] = [];
  const { count, alive, ids, from, to, kind, lag } = state.links;
  const taskIds = state.tasks.ids;
  for (let l = 0; l < count; l++) {
    if (!alive[l]) continue;
    links.push({
      id: ids[l],
      predecessorId: taskIds[from[l]],
      successorId: taskIds[to[l]],
      type: dependencyTypeOf(kind[l]),
      lag: lag[l] / MINUTE_MS,
      slack: linkSlack(state, l) / MINUTE_MS,
    });
  }
  return links;
}
