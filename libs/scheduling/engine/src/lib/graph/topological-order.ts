import { growI32, growU32 } from '../engine/task-table';
import { AdjacencyRows } from './adjacency-rows';

/** A cycle as node indices and the link indices joining them, in dependency order. */
export interface CycleFound {
  readonly nodes: number[];
  readonly links: number[];
}

/** What the order needs to see of the graph: rows of link indices and link endpoints. */
export interface GraphView {
  readonly out: AdjacencyRows;
  readonly inn: AdjacencyRows;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/**
 * A topological order of the task graph, computed once (Kahn) and then kept valid as links
 * are added with the Pearce–Kelly algorithm, which only reorders the nodes between the two
 * ends of the new link. `order[position] = node`, `rank[node] = position`.
 */
export class TopologicalOrder {
  order: Int32Array;
  rank: Int32Array;
  size = 0;
  private stack: Int32Array;
  private mark: Uint32Array;
  private markEpoch = 0;
  private parentNode: Int32Array;
  private parentLink: Int32Array;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.order = new Int32Array(c);
    this.rank = new Int32Array(c);
    this.stack = new Int32Array(c);
    this.mark = new Uint32Array(c);
    this.parentNode = new Int32Array(c);
    this.parentLink = new Int32Array(c);
  }

  /** Orders nodes 0..nodeCount-1 with Kahn's algorithm; returns a cycle if there is one. */
  build(g: GraphView, nodeCount: number): CycleFound | null {
    this.ensure(nodeCount);
    const indegree = new Int32Array(nodeCount);
    for (let n = 0; n < nodeCount; n++) indegree[n] = g.inn.len[n];
    const order = this.order;
    let tail = 0;
    for (let n = 0; n < nodeCount; n++) if (indegree[n] === 0) order[tail++] = n;
    const { start, len, data } = g.out;
    const to = g.to;
    for (let head = 0; head < tail; head++) {
      const v = order[head];
      for (let k = start[v], e = k + len[v]; k < e; k++) {
        const w = to[data[k]];
        if (--indegree[w] === 0) order[tail++] = w;
      }
    }
    if (tail < nodeCount) return findRemainingCycle(g, indegree);
    this.size = nodeCount;
    for (let p = 0; p < nodeCount; p++) this.rank[order[p]] = p;
    return null;
  }

  /** Puts a new node (without links yet) at the end of the order. */
  append(node: number): void {
    this.ensure(Math.max(node + 1, this.size + 1));
    this.order[this.size] = node;
    this.rank[node] = this.size++;
  }

  /**
   * Makes the order valid for a new link x → y (not yet in the rows), or returns the cycle
   * it would close (starting at y, ending at x) without changing anything.
   */
  insertLink(g: GraphView, x: number, y: number): CycleFound | null {
    if (x === y) return { nodes: [x], links: [] };
    const lb = this.rank[y];
    const ub = this.rank[x];
    if (lb > ub) return null;
    const epoch = this.nextEpoch();
    const { rank, mark, stack } = this;
    const forward: number[] = [];
    let top = 0;
    stack[top++] = y;
    mark[y] = epoch;
    const out = g.out;
    const to = g.to;
    while (top > 0) {
      const v = stack[--top];
      forward.push(v);
      for (let k = out.start[v], e = k + out.len[v]; k < e; k++) {
        const w = to[out.data[k]];
        if (w === x) return this.cycleTo(y, v, out.data[k], x);
        if (rank[w] < ub && mark[w] !== epoch) {
          mark[w] = epoch;
          this.parentNode[w] = v;
          this.parentLink[w] = out.data[k];
          stack[top++] = w;
        }
      }
    }
    const backward: number[] = [];
    stack[top++] = x;
    mark[x] = epoch;
    const inn = g.inn;
    const from = g.from;
    while (top > 0) {
      const v = stack[--top];
      backward.push(v);
      for (let k = inn.start[v], e = k + inn.len[v]; k < e; k++) {
        const w = from[inn.data[k]];
        if (rank[w] > lb && mark[w] !== epoch) {
          mark[w] = epoch;
          stack[top++] = w;
        }
      }
    }
    this.reorder(backward, forward);
    return null;
  }

  /** Gives the nodes of `before` then `after` (each in current order) their pooled ranks. */
  private reorder(before: number[], after: number[]): void {
    const ranksB = Int32Array.from(before, (n) => this.rank[n]).sort();
    const ranksF = Int32Array.from(after, (n) => this.rank[n]).sort();
    const nodes = new Int32Array(ranksB.length + ranksF.length);
    for (let i = 0; i < ranksB.length; i++) nodes[i] = this.order[ranksB[i]];
    for (let i = 0; i < ranksF.length; i++) nodes[ranksB.length + i] = this.order[ranksF[i]];
    let b = 0;
    let f = 0;
    for (let i = 0; i < nodes.length; i++) {
      const r = f >= ranksF.length || (b < ranksB.length && ranksB[b] < ranksF[f]) ? ranksB[b++] : ranksF[f++];
      this.order[r] = nodes[i];
      this.rank[nodes[i]] = r;
    }
  }

  private cycleTo(y: number, v: number, closingLink: number, x: number): CycleFound {
    const nodes: number[] = [x];
    const links: number[] = [closingLink];
    for (let n = v; n !== y; n = this.parentNode[n]) {
      nodes.push(n);
      links.push(this.parentLink[n]);
    }
    nodes.push(y);
    return { nodes: nodes.reverse(), links: links.reverse() };
  }

  private nextEpoch(): number {
    if (++this.markEpoch === 0xffffffff) {
      this.mark.fill(0);
      this.markEpoch = 1;
    }
    return this.markEpoch;
  }

  private ensure(count: number): void {
    if (count <= this.order.length) return;
    const size = Math.max(count, this.order.length * 2);
    this.order = growI32(this.order, size);
    this.rank = growI32(this.rank, size);
    this.stack = growI32(this.stack, size);
    this.mark = growU32(this.mark, size);
    this.parentNode = growI32(this.parentNode, size);
    this.parentLink = growI32(this.parentLink, size);
  }
}

/**
 * After Kahn stops early, every remaining node has a remaining predecessor: walk backwards
 * until a node repeats, which closes a cycle.
 */
function findRemainingCycle(g: GraphView, indegree: Int32Array): CycleFound {
  let v = 0;
  while (indegree[v] === 0) v++;
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  const via: number[] = [];
  while (!seenAt.has(v)) {
    seenAt.set(v, walk.length);
    walk.push(v);
    const { start, len, data } = g.inn;
    for (let k = start[v], e = k + len[v]; k < e; k++) {
      const p = g.from[data[k]];
      if (indegree[p] > 0) {
        via.push(data[k]);
        v = p;
        break;
      }
    }
  }
  const first = seenAt.get(v) ?? 0;
  // walk[i+1] is a predecessor of walk[i] through via[i]: reverse to dependency order.
  const nodes = walk.slice(first).reverse();
  const links = via.slice(first).reverse();
  return { nodes: [nodes[nodes.length - 1], ...nodes.slice(0, -1)], links };
}
