import { ConflictDto, DependencyType, ProjectScheduleDto, ScheduledTaskDto, TaskStatus } from '@worksite/shared-domain';
import { GanttBar, GanttGroup, GanttLink, GanttRow } from '@worksite/web-gantt-ui';
import { locationPath, ReferenceMaps } from '@worksite/web-planning-data-access';

/** How the Gantt's rows are grouped. */
export type GanttGrouping = 'department' | 'crew' | 'location';
export const GANTT_GROUPINGS: readonly GanttGrouping[] = ['department', 'crew', 'location'];

/** Names for tasks whose department, crew or location the user cannot see or that have none. */
export interface GroupFallbacks {
  noCrew: string;
  noLocation: string;
  unknown: string;
}

const NEUTRAL = '#868e96';
/** By planned start, then title. Plain code-unit comparisons: locale-aware ones cost too much over 10,000 rows. */
export const byStart = (a: ScheduledTaskDto, b: ScheduledTaskDto) =>
  a.plannedStart < b.plannedStart
    ? -1
    : a.plannedStart > b.plannedStart
      ? 1
      : a.title < b.title
        ? -1
        : a.title > b.title
          ? 1
          : 0;

/** The outermost location (compound or street segment): groups stay few and readable. */
function rootLocation(refs: ReferenceMaps, id: string | null): string | null {
  let at = id;
  for (let guard = 0; at && guard < 10; guard++) {
    const parent = refs.locations.get(at)?.parentId;
    if (!parent) return at;
    at = parent;
  }
  return at;
}

/** Rows (one per task, by start) grouped by department, crew or compound; groups sorted by name. */
export function buildGroups(
  tasks: readonly ScheduledTaskDto[],
  refs: ReferenceMaps,
  grouping: GanttGrouping,
  fallbacks: GroupFallbacks,
): GanttGroup[] {
  const groups = new Map<string, { id: string; label: string; color: string; rows: GanttRow[] }>();
  const sorted = [...tasks].sort(byStart);
  const paths = new Map<string, string>();
  for (const task of sorted) {
    const department = refs.departments.get(task.departmentId);
    let key: string;
    let label: string;
    let color = department?.color ?? NEUTRAL;
    let detail: string;
    const place = () => {
      // Many tasks share a location: its path is built once per call.
      const at = task.locationId ?? '';
      let path = paths.get(at);
      if (path === undefined) paths.set(at, (path = locationPath(refs, task.locationId) || fallbacks.noLocation));
      return path;
    };
    if (grouping === 'department') {
      key = task.departmentId;
      label = department?.name ?? fallbacks.unknown;
      detail = place();
    } else if (grouping === 'crew') {
      const crew = task.crewId ? refs.crews.get(task.crewId) : undefined;
      key = task.crewId ?? 'none';
      label = crew ? `${crew.name}（${crew.leaderName}）` : task.crewId ? fallbacks.unknown : fallbacks.noCrew;
      detail = place();
    } else {
      const root = rootLocation(refs, task.locationId);
      key = root ?? 'none';
      label = (root && refs.locations.get(root)?.name) || fallbacks.noLocation;
      color = NEUTRAL;
      detail = department?.name ?? fallbacks.unknown;
    }
    let group = groups.get(key);
    if (!group) {
      group = { id: `${grouping}:${key}`, label, color, rows: [] };
      groups.set(key, group);
    }
    group.rows.push({ id: task.id, label: task.title, detail });
  }
  return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

/** Conflict notes per task: the kinds of clash it is in (translated by the caller). */
export function conflictNotes(conflicts: readonly ConflictDto[], kindLabel: (c: ConflictDto) => string) {
  const notes = new Map<string, string[]>();
  for (const conflict of conflicts) {
    const note = kindLabel(conflict);
    for (const id of conflict.taskIds) {
      const list = notes.get(id);
      if (!list) notes.set(id, [note]);
      else if (!list.includes(note)) list.push(note);
    }
  }
  return notes;
}

/**
 * One bar per task at its planned (stored) dates, coloured by department; `notes` are the
 * clashes that count, `settled` the tasks whose clashes are all accepted or resolved.
 */
export function buildBars(
  tasks: readonly ScheduledTaskDto[],
  refs: ReferenceMaps,
  notes: ReadonlyMap<string, string[]>,
  settled: ReadonlySet<string> = new Set(),
): GanttBar[] {
  return tasks.map((task) => {
    const note = notes.get(task.id);
    return {
      id: task.id,
      rowId: task.id,
      start: Date.parse(task.plannedStart),
      finish: Date.parse(task.plannedFinish),
      label: task.title,
      color: refs.departments.get(task.departmentId)?.color ?? NEUTRAL,
      status: task.status as TaskStatus,
      progress: task.progress,
      critical: task.critical && task.scheduledAs !== 'excluded',
      manual: task.schedulingMode === 'manual',
      hasConflict: !!note,
      conflictNote: note?.join('；'),
      conflictSettled: settled.has(task.id),
    };
  });
}

/** Arrows for the dependencies whose both ends are on the chart; critical when both ends are. */
export function buildLinks(schedule: ProjectScheduleDto): GanttLink[] {
  const critical = new Set(schedule.tasks.filter((t) => t.critical).map((t) => t.id));
  const visible = new Set(schedule.tasks.map((t) => t.id));
  return schedule.dependencies
    .filter((d) => visible.has(d.predecessorId) && visible.has(d.successorId))
    .map((d) => ({
      id: d.id,
      predecessorId: d.predecessorId,
      successorId: d.successorId,
      type: d.type as DependencyType,
      critical: critical.has(d.predecessorId) && critical.has(d.successorId),
    }));
}
