import { MINUTE_MS } from '../calendar/civil-date';
import { WorkingCalendar } from '../calendar/working-calendar';
import { ProjectInput } from '../model/project-input';
import { Outcome, ScheduleError } from '../model/schedule-error';
import { EngineState } from './engine-state';
import { forwardPass } from './forward-pass';
import { linkKindOf } from './link-table';
import { invalid, isScheduleError, taskInputState } from './task-inputs';
import { writeTaskInputs } from './task-table';

/** Validates a project and lays it out in columns, ordered and with early dates computed. */
export function buildState(project: ProjectInput, calendar: WorkingCalendar): Outcome<{ state: EngineState }> {
  const fail = (error: ScheduleError) => ({ ok: false as const, error });
  if (!Number.isFinite(project.start))
    return fail(invalid('project', 'start', 'project start must be a finite instant'));
  const deadline = project.deadline ?? null;
  if (deadline !== null && !Number.isFinite(deadline)) {
    return fail(invalid('project', 'deadline', 'deadline must be a finite instant'));
  }
  const state = new EngineState(calendar, project.start, deadline, project.tasks.length, project.links.length);
  const tasks = state.tasks;
  for (const input of project.tasks) {
    if (tasks.index.has(input.id)) return fail({ kind: 'duplicate-id', entity: 'task', id: input.id });
    const inputs = taskInputState(calendar, project.start, input);
    if (isScheduleError(inputs)) return fail(inputs);
    const i = tasks.allocate(input.id);
    writeTaskInputs(tasks, i, inputs);
    tasks.alive[i] = 1;
    tasks.index.set(input.id, i);
  }
  const links = state.links;
  for (const link of project.links) {
    if (links.index.has(link.id)) return fail({ kind: 'duplicate-id', entity: 'link', id: link.id });
    const from = tasks.index.get(link.predecessorId);
    if (from === undefined) return fail({ kind: 'unknown-task', taskId: link.predecessorId, linkId: link.id });
    const to = tasks.index.get(link.successorId);
    if (to === undefined) return fail({ kind: 'unknown-task', taskId: link.successorId, linkId: link.id });
    const kind = linkKindOf(link.type);
    if (kind < 0) return fail(invalid(link.id, 'type', `unknown dependency type '${String(link.type)}'`));
    const lag = link.lag ?? 0;
    if (!Number.isFinite(lag)) return fail(invalid(link.id, 'lag', 'lag must be a finite number of working minutes'));
    const l = links.allocate(link.id, from, to, kind, lag * MINUTE_MS);
    links.alive[l] = 1;
    links.index.set(link.id, l);
  }
  state.out.build(tasks.count, links.count, links.from, indices(links.count));
  state.inn.build(tasks.count, links.count, links.to, indices(links.count));
  const cycle = state.topo.build(state, tasks.count);
  if (cycle) {
    return fail({
      kind: 'cycle',
      taskIds: cycle.nodes.map((n) => tasks.ids[n]),
      linkIds: cycle.links.map((l) => links.ids[l]),
    });
  }
  forwardPass(state);
  return { ok: true, state };
}

function indices(count: number): Int32Array {
  const a = new Int32Array(count);
  for (let k = 0; k < count; k++) a[k] = k;
  return a;
}
