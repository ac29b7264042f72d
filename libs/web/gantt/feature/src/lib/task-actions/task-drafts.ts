import { DependencyDto, TaskDto, WorkStepDto } from '@worksite/shared-domain';
import { instantOf } from '@worksite/shared-util-time';
import { CreateTaskRequest } from '@worksite/web-planning-data-access';

/** Who does a new task and where (chosen in the dialog; defaults: the selected task's). */
export interface TaskAssignment {
  departmentId: string;
  crewId: string | null;
  locationId: string | null;
}

/** Where a new task lands: after a task (its finish, optionally linked FS), or at the project start. */
export type TaskPlacement = { after: TaskDto; link: boolean } | { after: null };

/** The instant a new task starts at: the anchor's finish, or local midnight of the project's start date. */
export function placementStart(placement: TaskPlacement, project: { startDate: string; timeZone: string }): string {
  return placement.after
    ? placement.after.plannedFinish
    : instantOf(project.startDate, '00:00', project.timeZone).toISOString();
}

/** A new task filled from a standard work step: title, content, duration, materials, tools, safety notes. */
export function draftFromStep(
  step: WorkStepDto | null,
  fields: { projectId: string; title: string; durationMinutes: number; plannedStart: string },
  assignment: TaskAssignment,
): CreateTaskRequest {
  return {
    ...fields,
    ...assignment,
    ...(step
      ? {
          content: step.content,
          materials: step.materials.map((m) => ({ ...m })),
          tools: [...step.tools],
          safetyNotes: step.safetyNotes,
        }
      : {}),
  };
}

/** A copy of a task at the same place and time (links are not copied; see `copiedPredecessors`). */
export function duplicateOf(task: TaskDto, title: string): CreateTaskRequest {
  return {
    projectId: task.projectId,
    title,
    content: task.content,
    departmentId: task.departmentId,
    crewId: task.crewId,
    locationId: task.locationId,
    plannedStart: task.plannedStart,
    durationMinutes: task.durationMinutes,
    materials: task.materials.map((m) => ({ ...m })),
    tools: [...task.tools],
    safetyNotes: task.safetyNotes,
    schedulingMode: task.schedulingMode,
    needsUtilities: [...task.needsUtilities],
  };
}

/** The links into `taskId`, re-pointed at its copy (type and lag kept). */
export function copiedPredecessors(
  links: readonly DependencyDto[],
  taskId: string,
  copyId: string,
): { predecessorId: string; successorId: string; type: DependencyDto['type']; lagMinutes: number }[] {
  return links
    .filter((link) => link.successorId === taskId)
    .map((link) => ({
      predecessorId: link.predecessorId,
      successorId: copyId,
      type: link.type,
      lagMinutes: link.lagMinutes,
    }));
}
