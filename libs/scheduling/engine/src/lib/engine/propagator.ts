import { EngineState } from './engine-state';
import { computeEarlyStart, earlyFinishFor } from './forward-pass';
import { MoveTracker } from './move-tracker';
import { growI32, growU32 } from './task-table';

/**
 * Incremental forward pass: recomputes the seeded tasks, then only the successors of tasks
 * whose early dates changed. A binary heap keyed by topological rank makes every task see
 * its predecessors' final dates, so each task is visited at most once per run.
 */
export class Propagator {
  private seeds: Int32Array;
  private seedCount = 0;
  private seedMark: Uint32Array;
  private heap: Int32Array;
  private heapSize = 0;
  private queued: Uint32Array;
  private epoch = 1;

  constructor(capacity: number) {
    this.seeds = new Int32Array(64);
    this.seedMark = new Uint32Array(capacity);
    this.heap = new Int32Array(capacity);
    this.queued = new Uint32Array(capacity);
  }

  ensure(capacity: number): void {
    if (capacity <= this.queued.length) return;
    this.seedMark = growU32(this.seedMark, capacity);
    this.heap = growI32(this.heap, capacity);
    this.queued = growU32(this.queued, capacity);
  }

  /** Marks task i for recomputation at the next {@link run}. */
  seed(i: number): void {
    if (this.seedMark[i] === this.epoch) return;
    this.seedMark[i] = this.epoch;
    if (this.seedCount === this.seeds.length) this.seeds = growI32(this.seeds, this.seeds.length * 2);
    this.seeds[this.seedCount++] = i;
  }

  /** Propagates from the seeds; returns how many tasks had their early dates changed. */
  run(state: EngineState, tracker: MoveTracker): number {
    const t = state.tasks;
    const rank = state.topo.rank;
    const out = state.out;
    const to = state.links.to;
    this.heapSize = 0;
    for (let k = 0; k < this.seedCount; k++) this.push(this.seeds[k], rank);
    this.seedCount = 0;
    let changed = 0;
    while (this.heapSize > 0) {
      const i = this.pop(rank);
      if (!t.alive[i]) continue;
      const es = computeEarlyStart(state, i);
      const ef = earlyFinishFor(state, i, es);
      if (es === t.es[i] && ef === t.ef[i]) continue;
      tracker.note(state, i);
      t.es[i] = es;
      t.ef[i] = ef;
      changed++;
      for (let k = out.start[i], e = k + out.len[i]; k < e; k++) this.push(to[out.data[k]], rank);
    }
    this.epoch++;
    state.lateValid = false;
    return changed;
  }

  private push(node: number, rank: Int32Array): void {
    if (this.queued[node] === this.epoch) return;
    this.queued[node] = this.epoch;
    const heap = this.heap;
    let c = this.heapSize++;
    const r = rank[node];
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (rank[heap[parent]] <= r) break;
      heap[c] = heap[parent];
      c = parent;
    }
    heap[c] = node;
  }

  private pop(rank: Int32Array): number {
    const heap = this.heap;
    const top = heap[0];
    const last = heap[--this.heapSize];
    const r = rank[last];
    let c = 0;
    const n = this.heapSize;
    for (;;) {
      let child = 2 * c + 1;
      if (child >= n) break;
      if (child + 1 < n && rank[heap[child + 1]] < rank[heap[child]]) child++;
      if (rank[heap[child]] >= r) break;
      heap[c] = heap[child];
      c = child;
    }
    heap[c] = last;
    return top;
  }
}
