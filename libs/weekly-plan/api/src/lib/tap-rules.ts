import { TaskStatus } from '@worksite/shared-domain';
import { ReportKind } from '@worksite/shared-make-ready';

/** Statuses of a task not begun: a 'started' or a progress tap moves them to in progress. */
const NOT_BEGUN: string[] = [TaskStatus.Planned, TaskStatus.Ready, TaskStatus.Blocked];

/**
 * What one tap changes on the task: 'started' → in progress; 'progress' → that progress (and in
 * progress when it had not begun); 'done' → done at 100 %; 'not_done' → nothing (the week's
 * commitment records it). A done task is never moved back by a tap that arrives late from an
 * offline phone.
 */
export function taskChangeOf(
  tap: { kind: ReportKind; progress?: number },
  task: { status: string; progress: number },
): { status?: TaskStatus; progress?: number } {
  const change: { status?: TaskStatus; progress?: number } = {};
  if (tap.kind === 'done') {
    if (task.status !== TaskStatus.Done) change.status = TaskStatus.Done;
    if (task.progress !== 100) change.progress = 100;
    return change;
  }
  if (task.status === TaskStatus.Done || tap.kind === 'not_done') return change;
  if (tap.kind === 'progress' && tap.progress !== undefined && tap.progress !== task.progress) {
    change.progress = tap.progress;
  }
  const begins = tap.kind === 'started' || (change.progress ?? 0) > 0;
  if (begins && NOT_BEGUN.includes(task.status)) change.status = TaskStatus.InProgress;
  return change;
}
