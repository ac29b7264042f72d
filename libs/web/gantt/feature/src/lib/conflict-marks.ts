import { ConflictDto, countsAsOpen } from '@worksite/shared-domain';

/**
 * Tasks whose clashes are all accepted or resolved: their bars keep a greyed marker instead
 * of the red one (a task in any open or escalated clash stays red).
 */
export function settledConflictTasks(conflicts: readonly ConflictDto[]): ReadonlySet<string> {
  const open = new Set<string>();
  const settled = new Set<string>();
  for (const conflict of conflicts) {
    const into = countsAsOpen(conflict.state) ? open : settled;
    for (const id of conflict.taskIds) into.add(id);
  }
  for (const id of open) settled.delete(id);
  return settled;
}

/** Only the clashes that still count (open, escalated): what the bars mark in red. */
export function openConflicts(conflicts: readonly ConflictDto[]): ConflictDto[] {
  return conflicts.filter((conflict) => countsAsOpen(conflict.state));
}
