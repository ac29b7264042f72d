import { ProjectScheduleDto, ScheduledTaskDto } from '@worksite/shared-domain';
import { locationPath, ReferenceMaps } from '@worksite/web-planning-data-access';

/** Another task at the other end of a dependency, as an agency reads it. */
export interface LinkedTask {
  taskId: string;
  title: string;
  /** Who: the department and, when visible, the crew. */
  who: string;
  status: string;
  type: string;
  lagMinutes: number;
  expectedStart: string;
  expectedFinish: string;
}

/** One of the department's tasks with what it waits for and what waits for it. */
export interface AgencyRow {
  task: ScheduledTaskDto;
  location: string;
  waitsFor: LinkedTask[];
  waitedBy: LinkedTask[];
}

const DONE = new Set(['done', 'cancelled']);

/**
 * The department's tasks of one project, by expected start, each with its direct
 * predecessors and successors (of any department) from the schedule payload.
 */
export function agencyRows(
  schedule: ProjectScheduleDto,
  refs: ReferenceMaps,
  departmentId: string,
  options: { openOnly: boolean },
): AgencyRow[] {
  const byId = new Map(schedule.tasks.map((t) => [t.id, t]));
  const who = (task: ScheduledTaskDto) => {
    const department = refs.departments.get(task.departmentId)?.name ?? '';
    const crew = task.crewId ? refs.crews.get(task.crewId)?.name : undefined;
    return crew ? `${department} · ${crew}` : department;
  };
  const linked = (task: ScheduledTaskDto | undefined, type: string, lagMinutes: number): LinkedTask[] =>
    task
      ? [
          {
            taskId: task.id,
            title: task.title,
            who: who(task),
            status: task.status,
            type,
            lagMinutes,
            expectedStart: task.earlyStart,
            expectedFinish: task.earlyFinish,
          },
        ]
      : [];
  const waitsFor = new Map<string, LinkedTask[]>();
  const waitedBy = new Map<string, LinkedTask[]>();
  for (const d of schedule.dependencies) {
    waitsFor.set(d.successorId, [
      ...(waitsFor.get(d.successorId) ?? []),
      ...linked(byId.get(d.predecessorId), d.type, d.lagMinutes),
    ]);
    waitedBy.set(d.predecessorId, [
      ...(waitedBy.get(d.predecessorId) ?? []),
      ...linked(byId.get(d.successorId), d.type, d.lagMinutes),
    ]);
  }
  return schedule.tasks
    .filter((t) => t.departmentId === departmentId && !(options.openOnly && DONE.has(t.status)))
    .sort((a, b) => (a.earlyStart < b.earlyStart ? -1 : a.earlyStart > b.earlyStart ? 1 : 0))
    .map((task) => ({
      task,
      location: locationPath(refs, task.locationId),
      waitsFor: waitsFor.get(task.id) ?? [],
      waitedBy: waitedBy.get(task.id) ?? [],
    }));
}
