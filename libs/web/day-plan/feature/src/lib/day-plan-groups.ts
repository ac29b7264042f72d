import { ConflictDto, NoticeDto, TaskDto } from '@worksite/shared-domain';
import { latestByCrew, NoticeSummary, summarizeNotice } from '@worksite/web-notices-data-access';
import { CrewRef, DepartmentRef, locationPath, ReferenceMaps } from '@worksite/web-planning-data-access';

/** A task of the day as the plan shows it. */
export interface DayTask {
  task: TaskDto;
  location: string;
  crewName: string | null;
  department: string;
  /** Kinds of the clashes the task is in that day. */
  conflicts: ConflictDto['kind'][];
}

/** One crew's day: its tasks and the state of its notice. */
export interface CrewGroup {
  crewId: string | null;
  crew: CrewRef | null;
  department: DepartmentRef | null;
  tasks: DayTask[];
  notice: NoticeSummary;
}

/** One compound's (or street segment's) day. */
export interface LocationGroup {
  locationId: string | null;
  name: string;
  tasks: DayTask[];
}

const byStart = (a: DayTask, b: DayTask) => a.task.plannedStart.localeCompare(b.task.plannedStart);

export function dayTasks(tasks: readonly TaskDto[], refs: ReferenceMaps, conflicts: readonly ConflictDto[]): DayTask[] {
  const kinds = new Map<string, ConflictDto['kind'][]>();
  for (const conflict of conflicts) {
    for (const id of conflict.taskIds) kinds.set(id, [...new Set([...(kinds.get(id) ?? []), conflict.kind])]);
  }
  return tasks
    .filter((task) => task.status !== 'cancelled')
    .map((task) => ({
      task,
      location: locationPath(refs, task.locationId),
      crewName: (task.crewId && refs.crews.get(task.crewId)?.name) || null,
      department: refs.departments.get(task.departmentId)?.name ?? '',
      conflicts: kinds.get(task.id) ?? [],
    }))
    .sort(byStart);
}

/** Per crew, with the newest revision of its notice for the day; crews without one say "not sent". */
export function crewGroups(tasks: readonly DayTask[], refs: ReferenceMaps, notices: readonly NoticeDto[]): CrewGroup[] {
  const latest = latestByCrew(notices);
  const groups = new Map<string, CrewGroup>();
  for (const item of tasks) {
    const key = item.task.crewId ?? '';
    let group = groups.get(key);
    if (!group) {
      const crew = (item.task.crewId && refs.crews.get(item.task.crewId)) || null;
      group = {
        crewId: item.task.crewId,
        crew,
        department: refs.departments.get(crew?.departmentId ?? item.task.departmentId) ?? null,
        tasks: [],
        notice: summarizeNotice(item.task.crewId ? latest.get(item.task.crewId) : null),
      };
      groups.set(key, group);
    }
    group.tasks.push(item);
  }
  const label = (g: CrewGroup) => `${g.crewId ? '0' : '1'}${g.department?.name ?? ''}${g.crew?.name ?? ''}`;
  return [...groups.values()].sort((a, b) => label(a).localeCompare(label(b), 'zh-CN'));
}

/** Per outermost location (compound or street segment); tasks without a location come last. */
export function locationGroups(tasks: readonly DayTask[], refs: ReferenceMaps, noLocation: string): LocationGroup[] {
  const groups = new Map<string, LocationGroup>();
  for (const item of tasks) {
    let root = item.task.locationId;
    for (let guard = 0; root && refs.locations.get(root)?.parentId && guard < 10; guard++) {
      root = refs.locations.get(root)?.parentId ?? null;
    }
    const key = root ?? '';
    const group = groups.get(key) ?? {
      locationId: root,
      name: (root && refs.locations.get(root)?.name) || noLocation,
      tasks: [],
    };
    group.tasks.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => Number(!a.locationId) - Number(!b.locationId) || a.name.localeCompare(b.name, 'zh-CN'),
  );
}
