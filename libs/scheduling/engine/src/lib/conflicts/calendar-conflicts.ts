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
 * Pieces come from {@link WorkingCalendar.nonWorkingIn}, so they never overlap; the key of
 * these conflicts includes where the piece starts, as a task can have several.
 */
export function calendarConflicts(tasks: readonly ConflictTask[], calendar: WorkingCalendar): Conflict[] {
  const out: Conflict[] = [];
  for (const t of tasks) {
    if (!(t.finish > t.start)) continue;
    const manual = t.mode === SchedulingMode.Manual;
    const seen = new Set<number>();
    const report = (piece: NonWorkingPiece) => {
      if (seen.has(piece.start)) return;
      seen.add(piece.start);
      const blackout = piece.reason === 'blackout';
      const kind = blackout ? 'blackout' : 'outside-working-time';
      out.push({
        kind,
        key: `${kind}|${t.id}|${piece.start}`,
        taskIds: [t.id],
        window: { start: piece.start, end: piece.end },
        ...(t.locationId ? { locationId: t.locationId } : {}),
        ...(t.crewId ? { crewId: t.crewId } : {}),
        ...(blackout ? { blackoutLabels: piece.labels } : {}),
      });
    };
    const firstWork = Math.min(calendar.nextWorkingInstant(t.start), t.finish);
    const lastWork = Math.max(calendar.previousWorkingInstant(t.finish), t.start);
    if (manual) {
      for (const piece of calendar.nonWorkingIn(t.start, t.finish)) {
        if (piece.reason === 'blackout' || piece.end <= firstWork || piece.start >= lastWork) report(piece);
      }
      continue;
    }
    for (const piece of calendar.nonWorkingIn(t.start, firstWork)) report(piece);
    for (const piece of calendar.nonWorkingIn(lastWork, t.finish)) report(piece);
  }
  return out;
}
