import { CalendarSpec, WorkingCalendar } from '@worksite/scheduling-engine';
import { dayRange } from '@worksite/shared-util-time';
import { GanttShading, GanttTimeRange } from '@worksite/web-gantt-ui';

/**
 * Background of the chart from the project calendar over `range`: nights, noon breaks and
 * weekends (non-working), public holidays (whole local days) and blackout windows (labelled).
 */
export function calendarShading(
  calendar: WorkingCalendar,
  spec: CalendarSpec,
  range: GanttTimeRange,
  holidayLabel: string,
): GanttShading[] {
  const shading: GanttShading[] = [];
  for (const piece of calendar.nonWorkingIn(range.start, range.finish)) {
    shading.push(
      piece.reason === 'blackout'
        ? { kind: 'blackout', start: piece.start, finish: piece.end, label: piece.labels.join('、') }
        : { kind: 'non-working', start: piece.start, finish: piece.end },
    );
  }
  const zone = spec.timeZone ?? 'Asia/Shanghai';
  for (const date of spec.holidays ?? []) {
    const { start, end } = dayRange(date, zone);
    if (end.getTime() <= range.start || start.getTime() >= range.finish) continue;
    shading.push({ kind: 'holiday', start: start.getTime(), finish: end.getTime(), label: `${holidayLabel} ${date}` });
  }
  return shading.sort((a, b) => a.start - b.start);
}

const DAY = 86_400_000;

/** The chart's time span: the tasks' span with a week before and two after (at least a month). */
export function chartRange(starts: readonly number[], finishes: readonly number[], now: number): GanttTimeRange {
  let start = now;
  let finish = now;
  for (const s of starts) if (s < start) start = s;
  for (const f of finishes) if (f > finish) finish = f;
  return { start: start - 7 * DAY, finish: Math.max(finish + 14 * DAY, start + 37 * DAY) };
}
