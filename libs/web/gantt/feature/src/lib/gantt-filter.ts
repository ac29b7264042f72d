import { ScheduledTaskDto } from '@worksite/shared-domain';
import { dayRange } from '@worksite/shared-util-time';
import { locationPath, ReferenceMaps } from '@worksite/web-planning-data-access';

/** Crew value that stands for "tasks without a crew". */
export const NO_CREW = 'none';

/**
 * What the Gantt (chart and table) shows: every set part narrows the rows, empty parts do not.
 * Lists match any of their values; dates are local days in the project's zone, both inclusive.
 */
export interface GanttFilter {
  readonly text: string;
  readonly departments: readonly string[];
  /** Crew ids, or `NO_CREW`. */
  readonly crews: readonly string[];
  /** Location ids: a task matches when its location is one of these or lies inside one. */
  readonly compounds: readonly string[];
  readonly statuses: readonly string[];
  readonly critical: boolean;
  /** Only tasks in a clash that still counts (open or escalated; accepted and resolved do not). */
  readonly conflicts: boolean;
  readonly from: string | null;
  readonly to: string | null;
}

export const EMPTY_FILTER: GanttFilter = {
  text: '',
  departments: [],
  crews: [],
  compounds: [],
  statuses: [],
  critical: false,
  conflicts: false,
  from: null,
  to: null,
};

export function isEmptyFilter(filter: GanttFilter): boolean {
  return sameFilter(filter, EMPTY_FILTER);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

export function sameFilter(a: GanttFilter, b: GanttFilter): boolean {
  return (
    a.text === b.text &&
    sameList(a.departments, b.departments) &&
    sameList(a.crews, b.crews) &&
    sameList(a.compounds, b.compounds) &&
    sameList(a.statuses, b.statuses) &&
    a.critical === b.critical &&
    a.conflicts === b.conflicts &&
    a.from === b.from &&
    a.to === b.to
  );
}

/**
 * What the filter reads of each task, computed once per schedule (not per keystroke): the
 * lower-cased text that search looks in, and the task's location with all its parents.
 */
export interface TaskFilterIndex {
  readonly text: ReadonlyMap<string, string>;
  /** The task's number in the project (MS Project's ID). */
  readonly codes: ReadonlyMap<string, number>;
  readonly places: ReadonlyMap<string, readonly string[]>;
}

export function buildFilterIndex(tasks: readonly ScheduledTaskDto[], refs: ReferenceMaps): TaskFilterIndex {
  const text = new Map<string, string>();
  const codes = new Map<string, number>();
  const places = new Map<string, readonly string[]>();
  const pathOf = new Map<string, string>();
  const chainOf = new Map<string, readonly string[]>();
  for (const task of tasks) {
    const crew = task.crewId ? refs.crews.get(task.crewId) : undefined;
    const location = task.locationId ?? '';
    let path = pathOf.get(location);
    if (path === undefined) {
      path = locationPath(refs, task.locationId, ' ');
      pathOf.set(location, path);
    }
    let chain = chainOf.get(location);
    if (!chain) {
      const ids: string[] = [];
      for (let at: string | null = task.locationId, guard = 0; at && guard < 10; guard++) {
        ids.push(at);
        at = refs.locations.get(at)?.parentId ?? null;
      }
      chain = ids;
      chainOf.set(location, chain);
    }
    const parts = [
      task.title,
      crew?.name ?? '',
      crew?.leaderName ?? '',
      refs.departments.get(task.departmentId)?.name ?? '',
      path,
    ];
    text.set(task.id, parts.join('\n').toLowerCase());
    codes.set(task.id, task.code);
    places.set(task.id, chain);
  }
  return { text, codes, places };
}

/** What the filter needs besides the tasks: the index, the tasks in open clashes, the zone. */
export interface FilterContext {
  readonly index: TaskFilterIndex;
  readonly openConflictTasks: ReadonlySet<string>;
  readonly timeZone: string;
}

/** A search word: its text, and the task number it names ("12" or "#12"), if it is one. */
interface SearchTerm {
  readonly text: string;
  readonly code: number | null;
}

/** Search words: whitespace separates them, all must match (in any field). */
export function searchTerms(text: string): SearchTerm[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ text: word, code: /^#?\d{1,9}$/.test(word) ? Number(word.replace('#', '')) : null }));
}

/** A predicate for one filter: the tasks it lets through. */
export function taskPredicate(filter: GanttFilter, ctx: FilterContext): (task: ScheduledTaskDto) => boolean {
  const terms = searchTerms(filter.text);
  const departments = filter.departments.length ? new Set(filter.departments) : null;
  const crews = filter.crews.length ? new Set(filter.crews) : null;
  const compounds = filter.compounds.length ? new Set(filter.compounds) : null;
  const statuses = filter.statuses.length ? new Set(filter.statuses) : null;
  const from = filter.from ? dayRange(filter.from, ctx.timeZone).start.getTime() : null;
  const to = filter.to ? dayRange(filter.to, ctx.timeZone).end.getTime() : null;
  return (task) => {
    if (departments && !departments.has(task.departmentId)) return false;
    if (crews && !crews.has(task.crewId ?? NO_CREW)) return false;
    if (statuses && !statuses.has(task.status)) return false;
    if (filter.critical && !(task.critical && task.scheduledAs !== 'excluded')) return false;
    if (filter.conflicts && !ctx.openConflictTasks.has(task.id)) return false;
    if (compounds && !(ctx.index.places.get(task.id) ?? []).some((id) => compounds.has(id))) return false;
    if (from !== null || to !== null) {
      const start = Date.parse(task.plannedStart);
      const finish = Date.parse(task.plannedFinish);
      // Overlaps the days; a milestone on the first day's midnight still counts.
      if (to !== null && start >= to) return false;
      if (from !== null && finish < from) return false;
      if (from !== null && finish === from && start < from) return false;
    }
    if (terms.length) {
      const text = ctx.index.text.get(task.id) ?? '';
      const code = ctx.index.codes.get(task.id);
      // A number is the task's own number exactly, or a word of its texts ("32号楼").
      for (const term of terms) if (term.code !== code && !text.includes(term.text)) return false;
    }
    return true;
  };
}

/** The tasks the filter lets through, in their order; the same array when nothing is set. */
export function filterTasks(
  tasks: readonly ScheduledTaskDto[],
  filter: GanttFilter,
  ctx: FilterContext,
): readonly ScheduledTaskDto[] {
  if (isEmptyFilter(filter)) return tasks;
  return tasks.filter(taskPredicate(filter, ctx));
}
