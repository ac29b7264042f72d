/**
 * Sorted, disjoint working intervals with cumulative working time, growable at both ends.
 *
 * Cumulative working time ("position") is anchored: the first interval ever stored starts at
 * position 0 and later growth, forwards or backwards, never changes an existing position.
 * All values are milliseconds held exactly in Float64Arrays.
 */
export class IntervalStore {
  starts: Float64Array = new Float64Array(64);
  ends: Float64Array = new Float64Array(64);
  /** Position at the start of each interval. */
  cumStart: Float64Array = new Float64Array(64);
  /** Position at the end of each interval. */
  cumEnd: Float64Array = new Float64Array(64);
  /** Index of the first interval in the arrays (room is kept in front for prepending). */
  head = 32;
  count = 0;

  /** Appends flat [start, end, …] intervals that all lie after the stored ones. */
  append(flat: readonly number[]): void {
    let k = 0;
    if (this.count > 0 && flat.length > 0) {
      const last = this.head + this.count - 1;
      if (flat[0] <= this.ends[last]) {
        // Touches the last interval (e.g. a 24-hour calendar across a chunk border): extend it.
        this.ends[last] = Math.max(this.ends[last], flat[1]);
        this.cumEnd[last] = this.cumStart[last] + (this.ends[last] - this.starts[last]);
        k = 2;
      }
    }
    const adding = (flat.length - k) / 2;
    this.reserve(0, adding);
    let i = this.head + this.count;
    let cum = this.count > 0 ? this.cumEnd[i - 1] : 0;
    for (; k < flat.length; k += 2, i++) {
      this.starts[i] = flat[k];
      this.ends[i] = flat[k + 1];
      this.cumStart[i] = cum;
      cum += flat[k + 1] - flat[k];
      this.cumEnd[i] = cum;
    }
    this.count += adding;
  }

  /** Prepends flat [start, end, …] intervals that all lie before the stored ones. */
  prepend(flat: readonly number[]): void {
    let end = flat.length;
    if (this.count > 0 && end > 0) {
      const first = this.head;
      if (flat[end - 1] >= this.starts[first]) {
        const newStart = Math.min(this.starts[first], flat[end - 2]);
        this.cumStart[first] -= this.starts[first] - newStart;
        this.starts[first] = newStart;
        end -= 2;
      }
    }
    const adding = end / 2;
    this.reserve(adding, 0);
    let i = this.head - 1;
    let cum = this.count > 0 ? this.cumStart[this.head] : 0;
    for (let k = end - 2; k >= 0; k -= 2, i--) {
      this.starts[i] = flat[k];
      this.ends[i] = flat[k + 1];
      this.cumEnd[i] = cum;
      cum -= flat[k + 1] - flat[k];
      this.cumStart[i] = cum;
    }
    this.head -= adding;
    this.count += adding;
  }

  /** Index (absolute) of the last interval starting at or before t, or head - 1. */
  lastStartingAtOrBefore(t: number): number {
    let lo = this.head;
    let hi = this.head + this.count;
    const starts = this.starts;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Index (absolute) of the first interval whose end position is > p (strict) or >= p. */
  firstEndingAfter(p: number, strict: boolean): number {
    let lo = this.head;
    let hi = this.head + this.count;
    const cumEnd = this.cumEnd;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? cumEnd[mid] <= p : cumEnd[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Makes room for `front` more intervals before head and `back` more after the last. */
  private reserve(front: number, back: number): void {
    const capacity = this.starts.length;
    if (this.head >= front && this.head + this.count + back <= capacity) return;
    const spare = Math.max(32, this.count);
    const newHead = front + spare;
    const size = newHead + this.count + back + spare;
    const move = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a.subarray(this.head, this.head + this.count), newHead);
      return b;
    };
    this.starts = move(this.starts);
    this.ends = move(this.ends);
    this.cumStart = move(this.cumStart);
    this.cumEnd = move(this.cumEnd);
    this.head = newHead;
  }
}
