import { computed, Signal, signal } from '@angular/core';
import { ConflictDto, ScheduledTaskDto } from '@worksite/shared-domain';
import { ReferenceMaps } from '@worksite/web-planning-data-access';
import { openConflicts } from './conflict-marks';
import { byStart } from './gantt-model';
import { buildFilterIndex, EMPTY_FILTER, filterTasks, GanttFilter, isEmptyFilter, sameFilter } from './gantt-filter';

/** What the filter reads from the Gantt's store. */
export interface FilteringSource {
  readonly tasks: Signal<readonly ScheduledTaskDto[]>;
  readonly refs: Signal<ReferenceMaps | null>;
  readonly conflicts: Signal<readonly ConflictDto[]>;
  readonly timeZone: Signal<string>;
}

/**
 * The search and filter of the Gantt, shared by chart and table: the store builds its rows
 * from `tasks`, so both show the same tasks. The search index is built once per schedule;
 * a keystroke only runs the predicate over the tasks.
 */
export class GanttFiltering {
  readonly filter = signal<GanttFilter>(EMPTY_FILTER, { equal: sameFilter });
  readonly active = computed(() => !isEmptyFilter(this.filter()));
  /** Tasks in a clash that still counts (open or escalated). */
  readonly openConflictTasks = computed(() => {
    const ids = new Set<string>();
    for (const conflict of openConflicts(this.source.conflicts())) for (const id of conflict.taskIds) ids.add(id);
    return ids as ReadonlySet<string>;
  });
  private readonly index = computed(() => {
    const refs = this.source.refs();
    return refs ? buildFilterIndex(this.source.tasks(), refs) : null;
  });
  /**
   * The schedule's tasks by planned start (then title), sorted once per schedule: what passes
   * keeps that order, so sorting the rows again (per keystroke) costs one pass.
   */
  private readonly sorted = computed(() => [...this.source.tasks()].sort(byStart));
  /** The tasks that pass the filter, by start (all of them, the same array, when none is set). */
  readonly tasks = computed(() => {
    const tasks = this.sorted();
    const filter = this.filter();
    const index = this.index();
    if (!index || isEmptyFilter(filter)) return tasks;
    return filterTasks(tasks, filter, {
      index,
      openConflictTasks: this.openConflictTasks(),
      timeZone: this.source.timeZone(),
    });
  });
  /** Ids of the tasks that pass, for views that keep their own rows. */
  readonly taskIds = computed<ReadonlySet<string>>(() => new Set(this.tasks().map((t) => t.id)));

  constructor(private readonly source: FilteringSource) {}

  set(changes: Partial<GanttFilter>): void {
    this.filter.update((filter) => ({ ...filter, ...changes }));
  }

  clear(): void {
    this.filter.set(EMPTY_FILTER);
  }
}
