import { GanttGroup } from '@worksite/web-gantt-ui';
import { localDateOf } from '@worksite/shared-util-time';

/** What the print dialog asks the API for. */
export interface GanttPrintRequest {
  from: string;
  to: string;
  paper: 'A3' | 'A4';
  /** The rows shown, in their order (collapsed groups included: they are filtered in, only folded). */
  rows: string[];
  /** The baseline drawn under the bars on screen, drawn on paper too. */
  baseline?: string;
}

/** The rows of the chart in the order shown. */
export function shownRows(groups: readonly GanttGroup[]): string[] {
  return groups.flatMap((group) => group.rows.map((row) => row.id));
}

/** The local dates the print dialog starts with: the span of the bars shown (or today). */
export function defaultPrintRange(
  bars: readonly { start: number; finish: number }[],
  zone: string,
  now = Date.now(),
): { from: string; to: string } {
  if (!bars.length) return { from: localDateOf(now, zone), to: localDateOf(now, zone) };
  let start = Infinity;
  let finish = -Infinity;
  for (const bar of bars) {
    start = Math.min(start, bar.start);
    finish = Math.max(finish, bar.finish);
  }
  // A finish at midnight belongs to the day before.
  return { from: localDateOf(start, zone), to: localDateOf(Math.max(start, finish - 1), zone) };
}
