import type { GanttLink } from '../gantt.types';

/** Rows per bucket. */
const BLOCK = 32;
/** Links spanning more buckets than this go to a list that every query scans. */
const MAX_BLOCKS = 8;

/**
 * Links bucketed by the line range they span, so a query for the rendered lines touches
 * only the links that can cross them. Links with a hidden end (collapsed group) are left out.
 */
export class LinkIndex {
  private readonly links: GanttLink[] = [];
  private readonly firstLine: number[] = [];
  private readonly lastLine: number[] = [];
  private readonly blocks: number[][] = [];
  private readonly long: number[] = [];
  private readonly seen: Uint32Array;
  private stamp = 0;

  /**
   * `lineOfTask` gets, besides the task id, the end's position in `linkEndPositions` order
   * (2k: predecessor of links[k], 2k+1: its successor), so a caller may answer from arrays.
   */
  constructor(links: readonly GanttLink[], lineOfTask: (taskId: string, end: number) => number | undefined) {
    for (let k = 0; k < links.length; k++) {
      const link = links[k];
      const a = lineOfTask(link.predecessorId, 2 * k);
      const b = lineOfTask(link.successorId, 2 * k + 1);
      if (a === undefined || b === undefined) continue;
      const i = this.links.length;
      const first = Math.min(a, b);
      const last = Math.max(a, b);
      this.links.push(link);
      this.firstLine.push(first);
      this.lastLine.push(last);
      const b0 = Math.floor(first / BLOCK);
      const b1 = Math.floor(last / BLOCK);
      if (b1 - b0 >= MAX_BLOCKS) {
        this.long.push(i);
        continue;
      }
      for (let b = b0; b <= b1; b++) (this.blocks[b] ??= []).push(i);
    }
    this.seen = new Uint32Array(this.links.length);
  }

  /** Number of links whose both ends are on visible lines. */
  get size(): number {
    return this.links.length;
  }

  /** Links whose line span intersects `[first, last]`. */
  query(first: number, last: number): GanttLink[] {
    const out: GanttLink[] = [];
    // A fresh stamp marks links already taken in this query without clearing the array.
    const stamp = ++this.stamp;
    const take = (i: number) => {
      if (this.seen[i] === stamp || this.lastLine[i] < first || this.firstLine[i] > last) return;
      this.seen[i] = stamp;
      out.push(this.links[i]);
    };
    const b1 = Math.floor(last / BLOCK);
    for (let b = Math.max(0, Math.floor(first / BLOCK)); b <= b1; b++) this.blocks[b]?.forEach(take);
    this.long.forEach(take);
    return out;
  }
}

/**
 * Each link's ends as positions in `bars` (-1: no bar), pairs in link order: computed once per
 * links and bars, so a new row layout (a filter, a collapsed group) looks up bars, not links.
 */
export function linkEndPositions(links: readonly GanttLink[], bars: readonly { readonly id: string }[]): Int32Array {
  const position = new Map<string, number>();
  for (let i = 0; i < bars.length; i++) position.set(bars[i].id, i);
  const ends = new Int32Array(links.length * 2);
  for (let k = 0; k < links.length; k++) {
    ends[2 * k] = position.get(links[k].predecessorId) ?? -1;
    ends[2 * k + 1] = position.get(links[k].successorId) ?? -1;
  }
  return ends;
}

/** The line of each bar's row (-1: hidden or none), in bar order. */
export function barLines(
  bars: readonly { readonly rowId: string }[],
  lineOfRow: ReadonlyMap<string, number>,
): Int32Array {
  const lines = new Int32Array(bars.length);
  for (let i = 0; i < bars.length; i++) lines[i] = lineOfRow.get(bars[i].rowId) ?? -1;
  return lines;
}
