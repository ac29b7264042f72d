import { ScheduleError } from '../model/schedule-error';
import { EngineState } from './engine-state';
import { MoveTracker } from './move-tracker';
import { Propagator } from './propagator';
import { TaskInputState, readTaskInputs, writeTaskInputs } from './task-table';

/**
 * The primitive edits of the graph. Each validates before touching anything, notes the
 * tasks it changes, seeds the propagation and logs its own undo, so that any sequence of
 * edits can be rolled back exactly (what-if previews, rejected batches).
 */
export class EngineCore {
  readonly tracker: MoveTracker;
  readonly propagator: Propagator;
  private readonly undo: (() => void)[] = [];

  constructor(readonly state: EngineState) {
    this.tracker = new MoveTracker(state.tasks.capacity);
    this.propagator = new Propagator(state.tasks.capacity);
  }

  /** Undo log length, to roll back to later. */
  get mark(): number {
    return this.undo.length;
  }

  /** Undoes every edit made after `mark` (latest first). Dates are fixed by the next propagate. */
  rollback(mark: number): void {
    while (this.undo.length > mark) (this.undo.pop() as () => void)();
  }

  /** Forgets the undo log: the edits are committed. */
  forget(): void {
    this.undo.length = 0;
  }

  propagate(): number {
    return this.propagator.run(this.state, this.tracker);
  }

  setTaskInputs(i: number, next: TaskInputState): void {
    const t = this.state.tasks;
    this.tracker.note(this.state, i);
    const prev = readTaskInputs(t, i);
    writeTaskInputs(t, i, next);
    this.propagator.seed(i);
    this.undo.push(() => {
      writeTaskInputs(t, i, prev);
      this.propagator.seed(i);
    });
  }

  /** Adds a task without links at a new slot; returns the slot. */
  addTask(id: string, inputs: TaskInputState): number {
    const s = this.state;
    const i = s.tasks.allocate(id);
    const capacity = s.tasks.capacity;
    s.out.ensureNodes(capacity);
    s.inn.ensureNodes(capacity);
    this.tracker.ensure(capacity);
    this.propagator.ensure(capacity);
    s.topo.append(i);
    this.tracker.note(s, i);
    this.tracker.structural = true;
    writeTaskInputs(s.tasks, i, inputs);
    this.revive(i);
    this.undo.push(() => this.kill(i));
    return i;
  }

  /** Removes a task and its links. */
  removeTask(i: number): void {
    const s = this.state;
    const links = [
      ...rowOf(s.out.data, s.out.start[i], s.out.len[i]),
      ...rowOf(s.inn.data, s.inn.start[i], s.inn.len[i]),
    ];
    for (const l of links) this.removeLink(l);
    this.tracker.note(s, i);
    this.tracker.structural = true;
    this.kill(i);
    this.undo.push(() => this.revive(i));
  }

  /** Adds a link, or returns the cycle it would close without changing anything. */
  addLink(id: string, from: number, to: number, kind: number, lag: number): ScheduleError | null {
    const s = this.state;
    const cycle = s.topo.insertLink(s, from, to);
    if (cycle) {
      return {
        kind: 'cycle',
        taskIds: cycle.nodes.map((n) => s.tasks.ids[n]),
        linkIds: [...cycle.links.map((l) => s.links.ids[l]), id],
      };
    }
    const l = s.links.allocate(id, from, to, kind, lag);
    this.attach(l);
    this.undo.push(() => this.detach(l));
    return null;
  }

  removeLink(l: number): void {
    this.detach(l);
    this.undo.push(() => {
      const s = this.state;
      // The link existed before, so putting it back cannot close a cycle.
      s.topo.insertLink(s, s.links.from[l], s.links.to[l]);
      this.attach(l);
    });
  }

  updateLink(l: number, kind: number, lag: number): void {
    const links = this.state.links;
    const prevKind = links.kind[l];
    const prevLag = links.lag[l];
    links.kind[l] = kind;
    links.lag[l] = lag;
    this.propagator.seed(links.to[l]);
    this.undo.push(() => {
      links.kind[l] = prevKind;
      links.lag[l] = prevLag;
      this.propagator.seed(links.to[l]);
    });
  }

  private attach(l: number): void {
    const { links, out, inn } = this.state;
    links.alive[l] = 1;
    links.index.set(links.ids[l], l);
    out.add(links.from[l], l);
    inn.add(links.to[l], l);
    this.propagator.seed(links.to[l]);
  }

  private detach(l: number): void {
    const { links, out, inn } = this.state;
    links.alive[l] = 0;
    links.index.delete(links.ids[l]);
    out.remove(links.from[l], l);
    inn.remove(links.to[l], l);
    this.propagator.seed(links.to[l]);
  }

  private revive(i: number): void {
    const t = this.state.tasks;
    t.alive[i] = 1;
    t.index.set(t.ids[i], i);
    this.propagator.seed(i);
  }

  private kill(i: number): void {
    const t = this.state.tasks;
    t.alive[i] = 0;
    if (t.index.get(t.ids[i]) === i) t.index.delete(t.ids[i]);
  }
}

function rowOf(data: Int32Array, start: number, len: number): number[] {
  return Array.from(data.subarray(start, start + len));
}
