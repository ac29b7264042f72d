import type { BarIndex } from './bar-index';
import type { RowLayout } from './row-layout';

/**
 * Where the work still to do starts in the list: the first task line (in the order shown) with a
 * bar that is not over at `time`, or undefined when all of it is. The chart opens there and "今天"
 * goes back there, so a coordinator sees today's bars, not last month's finished rows.
 */
export function firstLineNotOver(layout: RowLayout, bars: BarIndex, time: number): number | undefined {
  for (const line of layout.lines) {
    if (line.kind === 'task' && bars.rowBars(line.row.id).some((bar) => bar.finish > time)) return line.index;
  }
  return undefined;
}
