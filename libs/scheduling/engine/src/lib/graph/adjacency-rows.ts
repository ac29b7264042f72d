/**
 * Compressed sparse rows (CSR) that can still change: node → list of link indices.
 *
 * Built packed from a project; a row that outgrows its slot moves to the end of `data` with
 * doubled capacity and the hole is reclaimed by an occasional compaction. Iterate with
 * `for (let k = start[n], e = k + len[n]; k < e; k++) data[k]`.
 */
export class AdjacencyRows {
  start: Int32Array;
  len: Int32Array;
  cap: Int32Array;
  data: Int32Array;
  private used = 0;
  private live = 0;

  constructor(nodeCapacity: number) {
    this.start = new Int32Array(nodeCapacity);
    this.len = new Int32Array(nodeCapacity);
    this.cap = new Int32Array(nodeCapacity);
    this.data = new Int32Array(16);
  }

  /** Fills rows packed from (node, value) pairs; `nodeOf[k]` owns `valueOf[k]`. */
  build(nodeCount: number, pairCount: number, nodeOf: Int32Array, valueOf: Int32Array): void {
    this.ensureNodes(nodeCount);
    this.len.fill(0);
    for (let k = 0; k < pairCount; k++) this.len[nodeOf[k]]++;
    let offset = 0;
    for (let n = 0; n < nodeCount; n++) {
      this.start[n] = offset;
      this.cap[n] = this.len[n];
      offset += this.len[n];
      this.len[n] = 0;
    }
    this.data = new Int32Array(Math.max(16, offset + (offset >> 3)));
    for (let k = 0; k < pairCount; k++) {
      const n = nodeOf[k];
      this.data[this.start[n] + this.len[n]++] = valueOf[k];
    }
    this.used = offset;
    this.live = offset;
  }

  /** Grows the per-node arrays to hold at least `count` nodes. */
  ensureNodes(count: number): void {
    if (count <= this.start.length) return;
    const size = Math.max(count, this.start.length * 2);
    this.start = grow(this.start, size);
    this.len = grow(this.len, size);
    this.cap = grow(this.cap, size);
  }

  add(node: number, value: number): void {
    if (this.len[node] === this.cap[node]) this.relocate(node, Math.max(4, this.cap[node] * 2));
    this.data[this.start[node] + this.len[node]++] = value;
  }

  /** Removes one occurrence of `value` from the row (order within a row is not kept). */
  remove(node: number, value: number): boolean {
    const s = this.start[node];
    const last = s + this.len[node] - 1;
    for (let k = s; k <= last; k++) {
      if (this.data[k] === value) {
        this.data[k] = this.data[last];
        this.len[node]--;
        return true;
      }
    }
    return false;
  }

  private relocate(node: number, newCap: number): void {
    if (this.used + newCap > this.data.length) {
      if (this.used - this.live > this.live) this.compact();
      if (this.used + newCap > this.data.length) {
        this.data = grow(this.data, Math.max(this.used + newCap, this.data.length * 2));
      }
    }
    const s = this.start[node];
    this.data.copyWithin(this.used, s, s + this.len[node]);
    this.start[node] = this.used;
    this.live += newCap - this.cap[node];
    this.cap[node] = newCap;
    this.used += newCap;
  }

  /** Packs all rows again, dropping the holes left by relocated rows. */
  private compact(): void {
    const nodes = this.start.length;
    const packed = new Int32Array(this.data.length);
    let offset = 0;
    for (let n = 0; n < nodes; n++) {
      const c = this.cap[n];
      if (c === 0) continue;
      packed.set(this.data.subarray(this.start[n], this.start[n] + this.len[n]), offset);
      this.start[n] = offset;
      offset += c;
    }
    this.data = packed;
    this.used = offset;
    this.live = offset;
  }
}

function grow<T extends Int32Array>(a: T, size: number): T {
  const b = new Int32Array(size);
  b.set(a);
  return b as T;
}
