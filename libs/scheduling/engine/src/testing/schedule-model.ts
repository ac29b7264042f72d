import { ConstraintType, SchedulingMode } from '@worksite/shared-domain';
import { WorkingCalendar } from '../lib/calendar/working-calendar';
import { LinkInput, ProjectInput, TaskInput } from '../lib/model/project-input';
import { ScheduleChange } from '../lib/model/schedule-change';
import { ScheduleResult, TaskMove } from '../lib/model/schedule-result';
import { scheduleProject } from '../lib/schedule-project';
import { AbstractEdit } from './arbitraries';

/**
 * A plain, immutable project model used as the oracle for incremental rescheduling: each
 * edit is applied to the input data, then the project is scheduled from scratch.
 */
export class ScheduleModel {
  private static counter = 0;

  constructor(
    readonly project: ProjectInput,
    readonly calendar: WorkingCalendar,
  ) {}

  /** Full recompute; throws if the model is invalid (it never should be). */
  schedule(): ScheduleResult {
    const outcome = scheduleProject(this.project, this.calendar);
    if (!outcome.ok) throw new Error(`model cannot be scheduled: ${JSON.stringify(outcome.error)}`);
    return outcome.result;
  }

  /**
   * Binds an abstract edit to this model: the concrete change for the engine and the model
   * after it (null when the change must be rejected, e.g. a cycle). Null change: no-op edit.
   */
  bind(edit: AbstractEdit, current: ScheduleResult): { change: ScheduleChange; next: ScheduleModel | null } | null {
    const tasks = this.project.tasks;
    const links = this.project.links;
    const pickTask = (k: number) => tasks[k % tasks.length];
    const withTask = (id: string, patch: Partial<TaskInput>) =>
      this.with(
        tasks.map((t) => (t.id === id ? { ...t, ...patch } : t)),
        links,
      );
    const scheduled = (id: string) => current.tasks.find((t) => t.id === id) ?? fail(id);
    if (edit.op === 'addTask') {
      const id = `n${ScheduleModel.counter++}`;
      return {
        change: { kind: 'add-task', task: { id, duration: edit.duration } },
        next: this.with([...tasks, { id, duration: edit.duration }], links),
      };
    }
    if (tasks.length === 0) return null;
    switch (edit.op) {
      case 'move': {
        const t = pickTask(edit.task);
        const change: ScheduleChange = { kind: 'move-task', taskId: t.id, start: edit.at };
        if (t.mode !== SchedulingMode.Manual) {
          return {
            change,
            next: withTask(t.id, { constraint: { type: ConstraintType.StartNoEarlierThan, at: edit.at } }),
          };
        }
        const minutes = scheduled(t.id).duration;
        return {
          change,
          next: withTask(t.id, { start: edit.at, finish: this.calendar.addWorkingMinutes(edit.at, minutes) }),
        };
      }
      case 'resize': {
        const t = pickTask(edit.task);
        const change: ScheduleChange = { kind: 'resize-task', taskId: t.id, duration: edit.duration };
        if (t.mode !== SchedulingMode.Manual) return { change, next: withTask(t.id, { duration: edit.duration }) };
        const start = scheduled(t.id).start;
        return {
          change,
          next: withTask(t.id, {
            duration: edit.duration,
            finish: this.calendar.addWorkingMinutes(start, edit.duration),
          }),
        };
      }
      case 'mode': {
        const t = scheduled(pickTask(edit.task).id);
        const mode = edit.manual ? SchedulingMode.Manual : SchedulingMode.Automatic;
        const patch: Partial<TaskInput> = edit.manual
          ? { mode, start: t.start, finish: t.finish }
          : { mode, duration: t.duration, start: null, finish: null };
        return { change: { kind: 'set-mode', taskId: t.id, mode }, next: withTask(t.id, patch) };
      }
      case 'constraint': {
        const t = pickTask(edit.task);
        return {
          change: { kind: 'set-constraint', taskId: t.id, constraint: edit.constraint },
          next: withTask(t.id, { constraint: edit.constraint }),
        };
      }
      case 'removeTask': {
        const id = pickTask(edit.task).id;
        return {
          change: { kind: 'remove-task', taskId: id },
          next: this.with(
            tasks.filter((t) => t.id !== id),
            links.filter((l) => l.predecessorId !== id && l.successorId !== id),
          ),
        };
      }
      case 'addLink': {
        const link: LinkInput = {
          id: `m${ScheduleModel.counter++}`,
          predecessorId: pickTask(edit.a).id,
          successorId: pickTask(edit.b).id,
          type: edit.type,
          lag: edit.lag,
        };
        const next = this.with(tasks, [...links, link]);
        return {
          change: { kind: 'add-link', link },
          next: scheduleProject(next.project, this.calendar).ok ? next : null,
        };
      }
      case 'removeLink': {
        if (links.length === 0) return null;
        const id = links[edit.link % links.length].id;
        return {
          change: { kind: 'remove-link', linkId: id },
          next: this.with(
            tasks,
            links.filter((l) => l.id !== id),
          ),
        };
      }
      case 'updateLink': {
        if (links.length === 0) return null;
        const id = links[edit.link % links.length].id;
        return {
          change: { kind: 'update-link', linkId: id, type: edit.type, lag: edit.lag },
          next: this.with(
            tasks,
            links.map((l) => (l.id === id ? { ...l, type: edit.type, lag: edit.lag } : l)),
          ),
        };
      }
    }
  }

  private with(tasks: readonly TaskInput[], links: readonly LinkInput[]): ScheduleModel {
    return new ScheduleModel({ ...this.project, tasks, links }, this.calendar);
  }
}

/** What moved between two full schedules, sorted by id. */
export function diffSchedules(before: ScheduleResult, after: ScheduleResult): TaskMove[] {
  const a = new Map(before.tasks.map((t) => [t.id, t]));
  const b = new Map(after.tasks.map((t) => [t.id, t]));
  const moves: TaskMove[] = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(id);
    const y = b.get(id);
    if (x && y && x.start === y.start && x.finish === y.finish) continue;
    moves.push({
      id,
      from: x ? { start: x.start, finish: x.finish } : null,
      to: y ? { start: y.start, finish: y.finish } : null,
    });
  }
  return sortById(moves);
}

/** A schedule result in a canonical order (by id), for comparisons. */
export function canonical(result: ScheduleResult): ScheduleResult {
  return { ...result, tasks: sortById([...result.tasks]), links: sortById([...result.links]) };
}

export function sortById<T extends { id: string }>(items: T[]): T[] {
  return items.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

function fail(id: string): never {
  throw new Error(`task ${id} missing from the oracle schedule`);
}
