import { SchedulingMode } from '@worksite/shared-domain';
import { NonWorkingPiece, WorkingCalendar } from '../calendar/working-calendar';
import { Conflict, ConflictTask } from './conflict-types';

/**
 * Work inside blackouts or outside the working windows.
 *
 * A task works during the working time between its start and finish (nights and breaks in
 * between are simply not worked), so what counts is:
 * - its edges: the non-working time from its start to the first working instant, and from
 *   the last working instant to its finish. That is work deliberately placed outside the
 *   windows (e.g. a manual task from 06:00), reported per piece as 'outside-working-time'
 *   or, inside a blackout, 'blackout'. Automatic tasks never have such edges.
 * - for manual tasks, any blackout their span touches: nobody moved them around it, so the
 *   coordinator must decide whether the crew stops (automatic tasks are already planned
 *   around blackouts).
 * The key of these conflicts includes where the piece starts, as a task has several.
 */
export function calendarConflicts(tasks: readonly ConflictTask[], calendar: WorkingCalendar): Conflict[] {
  const out: Conflict[] = [];
  for (const t of tasks) {
    if (!(t.finish > t.start)) continue;
    const manual = t.mode === SchedulingMode.Manual;
    const seen = new Set<string>();
    const report = (piece: NonWorkingPiece) => {
      const label = piece.reason === 'blackout' ? piece.label : undefined;
      const kind = piece.reason === 'blackout' ? 'blackout' : 'outside-working-time';
      const key = `${kind}|${t.id}|${label ?? ''}|${piece.start}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({
        kind,
        key,
        taskIds: [t.id],
        window: { start: piece.start, end: piece.end },
        ...(t.locationId ? { locationId: t.locationId } : {}),
        ...(t.crewId ? { crewId: t.crewId } : {}),
        ...(label === undefined ? {} : { blackoutLabel: label }),
      });
    };
    const firstWork = Math.min(calendar.nextWorkingInstant(t.start), t.finish);
    const lastWork = Math.max(calendar.previousWorkingInstant(t.finish), t.start);
    const edges = [...calendar.nonWorkingIn(t.start, firstWork), ...calendar.nonWorkingIn(lastWork, t.finish)];
    for (const piece of edges) if (!(manual && piece.reason === 'blackout')) report(piece);
    if (manual) {
      for (const b of calendar.blackoutsIn(t.start, t.finish)) {
        report({ reason: 'blackout', label: b.label, start: Math.max(b.start, t.start), end: Math.min(b.end, t.finish) });
      }
    }
  }
  return out;
}
