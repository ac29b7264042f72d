import { TaskDto } from './contracts';
import { DepartmentKind, TaskStatus } from './enums';

/** A standard work step (标准工序) as the API lists it: what a new task of this kind is filled with. */
export interface WorkStepDto {
  id: string;
  version: number;
  name: string;
  departmentKind: DepartmentKind | null;
  departmentId: string | null;
  /** Usual duration in working minutes. */
  durationMinutes: number;
  content: string;
  materials: { name: string; quantity?: number; unit?: string }[];
  tools: string[];
  safetyNotes: string;
}

/** Most tasks one bulk edit may name (the API's body limit of a list is 1,000 items too). */
export const BULK_TASK_LIMIT = 1000;

/** One task of a bulk edit with the version the client read. */
export interface BulkTaskRef {
  id: string;
  version: number;
}

/**
 * `POST /api/projects/:id/tasks/bulk`: several tasks of one project changed at once, in one
 * transaction; either `delete` alone, or any of the shift, crew and status.
 */
export interface BulkTaskRequest {
  tasks: BulkTaskRef[];
  /** Working days of the project calendar to move each task by (negative: earlier). */
  shiftWorkingDays?: number;
  /** The crew to assign (its department follows); null unassigns. */
  crewId?: string | null;
  status?: TaskStatus;
  delete?: boolean;
  /** With `delete`: remove the tasks' dependencies too (otherwise 409 when there are some). */
  removeLinks?: boolean;
}

export interface BulkTaskResult {
  /** The named tasks as stored now (after the re-scheduling), none when deleted. */
  tasks: TaskDto[];
  deletedIds: string[];
  /** Dependencies removed with deleted tasks. */
  removedLinks: number;
  /** Other tasks the re-scheduling pushed later. */
  pushed: number;
}

/** Which of the selected tasks a bulk delete must ask about: those with links, and how many links. */
export function linksOfSelection(
  selected: ReadonlySet<string>,
  links: readonly { predecessorId: string; successorId: string }[],
): { tasks: number; links: number } {
  const tasks = new Set<string>();
  let count = 0;
  for (const link of links) {
    const from = selected.has(link.predecessorId);
    const to = selected.has(link.successorId);
    if (from) tasks.add(link.predecessorId);
    if (to) tasks.add(link.successorId);
    if (from || to) count++;
  }
  return { tasks: tasks.size, links: count };
}
