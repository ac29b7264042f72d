import { TaskMove, TimeSpan } from '../model/schedule-result';
import { EngineState } from './engine-state';
import { growF64, growI32, growU32, growU8 } from './task-table';

/**
 * Remembers, per edit session (from one commit to the next), the dates each touched task had
 * before the session, so a preview can report exactly what differs from the committed
 * schedule. A task is noted before anything about it changes.
 */
export class MoveTracker {
  private stamp: Uint32Array;
  private session = 1;
  private existed: Uint8Array;
  private fromStart: Float64Array;
  private fromFinish: Float64Array;
  private list: Int32Array;
  private count = 0;
  /** True when the session added or removed tasks (an id may then own two slots). */
  structural = false;

  constructor(capacity: number) {
    this.stamp = new Uint32Array(capacity);
    this.existed = new Uint8Array(capacity);
    this.fromStart = new Float64Array(capacity);
    this.fromFinish = new Float64Array(capacity);
    this.list = new Int32Array(Math.max(16, capacity >> 4));
  }

  ensure(capacity: number): void {
    if (capacity <= this.stamp.length) return;
    this.stamp = growU32(this.stamp, capacity);
    this.existed = growU8(this.existed, capacity);
    this.fromStart = growF64(this.fromStart, capacity);
    this.fromFinish = growF64(this.fromFinish, capacity);
  }

  /** Records task i's current dates unless it was already noted in this session. */
  note(state: EngineState, i: number): void {
    if (this.stamp[i] === this.session) return;
    this.stamp[i] = this.session;
    const alive = state.tasks.alive[i];
    this.existed[i] = alive;
    if (alive) {
      this.fromStart[i] = state.startOf(i);
      this.fromFinish[i] = state.finishOf(i);
    }
    if (this.count === this.list.length) this.list = growI32(this.list, this.list.length * 2);
    this.list[this.count++] = i;
  }

  /** Tasks whose dates differ from the start of the session, in topological order. */
  movesSinceSessionStart(state: EngineState): TaskMove[] {
    return this.diff(state, (i) => (this.existed[i] ? { start: this.fromStart[i], finish: this.fromFinish[i] } : null));
  }

  /** The current dates of the session's tasks (null: not alive), to diff against after a revert. */
  capture(state: EngineState): Map<number, TimeSpan | null> {
    const spans = new Map<number, TimeSpan | null>();
    for (let k = 0; k < this.count; k++) {
      const i = this.list[k];
      spans.set(i, state.tasks.alive[i] ? { start: state.startOf(i), finish: state.finishOf(i) } : null);
    }
    return spans;
  }

  /** The session's tasks whose current dates differ from `before`, in topological order. */
  diff(state: EngineState, before: (i: number) => TimeSpan | null | undefined): TaskMove[] {
    const rank = state.topo.rank;
    const nodes = Array.from(this.list.subarray(0, this.count)).sort((a, b) => rank[a] - rank[b]);
    const moves: TaskMove[] = [];
    for (const i of nodes) {
      const from = before(i) ?? null;
      const to: TimeSpan | null = state.tasks.alive[i] ? { start: state.startOf(i), finish: state.finishOf(i) } : null;
      if (!sameSpan(from, to)) moves.push({ id: state.tasks.ids[i], from, to });
    }
    return this.structural ? mergeById(moves) : moves;
  }

  /** Starts a new session: everything is committed. */
  reset(): void {
    this.session++;
    this.count = 0;
    this.structural = false;
  }
}

function sameSpan(a: TimeSpan | null, b: TimeSpan | null): boolean {
  if (a === null || b === null) return a === b;
  return a.start === b.start && a.finish === b.finish;
}

/** A task removed and re-added under the same id within a session is one move. */
function mergeById(moves: TaskMove[]): TaskMove[] {
  const byId = new Map<string, number>();
  const out: (TaskMove | null)[] = [];
  for (const m of moves) {
    const k = byId.get(m.id);
    if (k === undefined) {
      byId.set(m.id, out.length);
      out.push(m);
      continue;
    }
    const prev = out[k] as TaskMove;
    const merged = { id: m.id, from: prev.from ?? m.from, to: prev.to ?? m.to };
    out[k] = sameSpan(merged.from, merged.to) ? null : merged;
  }
  return out.filter((m): m is TaskMove => m !== null);
}
