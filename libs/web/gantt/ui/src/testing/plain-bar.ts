import { TaskStatus } from '@worksite/shared-domain';
import type { GanttBar } from '../lib/gantt.types';

/** A planned bar on a row of its own (row id = task id), for specs. */
export function plainBar(id: string, start: number, finish: number): GanttBar {
  return { id, rowId: id, start, finish, label: id, status: TaskStatus.Planned };
}
