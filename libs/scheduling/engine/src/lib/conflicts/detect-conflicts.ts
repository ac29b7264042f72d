import { Violation } from '../model/schedule-result';
import { calendarConflicts } from './calendar-conflicts';
import { Conflict, ConflictQuery, ConflictTask } from './conflict-types';
import { interruptionConflicts } from './interruption-conflicts';
import { LocationTree } from './location-tree';
import { crewDoubleBookings, locationClashes } from './resource-conflicts';

/**
 * Every clash whose window overlaps `query.range`, sorted by window start, window end, kind
 * and key; each pair of tasks appears at most once per kind. Costs a sort and a sweep per
 * location and per crew (plus the overlapping pairs), never all pairs of the project.
 */
export function detectConflicts(query: ConflictQuery): Conflict[] {
  const { start, end } = query.range;
  const inRange = query.tasks.filter((t) => t.start < end && t.finish > start);
  const cuts = query.tasks.filter((t) => t.interruption && t.interruption.start < end && t.interruption.finish > start);
  const tree = new LocationTree(query.locationParents);
  const all = [
    ...locationClashes(inRange, tree),
    ...crewDoubleBookings(inRange),
    ...violationConflicts(query.violations ?? [], query.tasks),
    ...(query.calendar ? calendarConflicts(inRange, query.calendar) : []),
    ...interruptionConflicts(inRange, cuts, tree),
  ];
  return all
    .filter((c) => c.window.start < end && c.window.end > start && c.window.end > c.window.start)
    .sort(compareConflicts);
}

/** Dependency and constraint violations as conflicts; window from actual to required date. */
function violationConflicts(violations: readonly Violation[], tasks: readonly ConflictTask[]): Conflict[] {
  if (violations.length === 0) return [];
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return violations.map((v) => {
    const task = byId.get(v.taskId);
    const where = {
      window: { start: Math.min(v.actual, v.required), end: Math.max(v.actual, v.required) },
      ...(task?.locationId ? { locationId: task.locationId } : {}),
      ...(task?.crewId ? { crewId: task.crewId } : {}),
    };
    return v.kind === 'dependency'
      ? {
          kind: 'dependency-violation' as const,
          key: `dependency-violation|${v.linkId}`,
          taskIds: [v.predecessorId, v.taskId],
          linkId: v.linkId,
          ...where,
        }
      : {
          kind: 'constraint-violation' as const,
          key: `constraint-violation|${v.taskId}|${v.constraint.type}`,
          taskIds: [v.taskId],
          ...where,
        };
  });
}

/** The order clashes are listed in: window start, window end, kind, key. */
export function compareConflicts(a: Conflict, b: Conflict): number {
  return (
    a.window.start - b.window.start ||
    a.window.end - b.window.end ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
