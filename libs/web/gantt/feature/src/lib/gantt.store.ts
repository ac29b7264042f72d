import { computed, inject, Injectable, signal } from '@angular/core';
import { SchedulingEngine, WorkingCalendar, workingDayMinutes } from '@worksite/scheduling-engine';
import { ConflictDto, ProjectScheduleDto, ScheduledTaskDto, TaskDto } from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { ApiFailure } from '@worksite/web-core-data-access';
import { GanttBarDragEvent, GanttLinkCreateEvent, GanttPreview, GanttTimeRange } from '@worksite/web-gantt-ui';
import {
  calendarSpecOf,
  ChangeHistory,
  ChangeLabel,
  createEngine,
  PlanningApi,
  ReferenceData,
  ReferenceMaps,
} from '@worksite/web-planning-data-access';
import { dragEdit, unchanged } from './drag-edit';
import { buildBars, buildGroups, buildLinks, conflictNotes, GanttGrouping, GroupFallbacks } from './gantt-model';
import { calendarShading, chartRange } from './gantt-shading';
import { openConflicts, settledConflictTasks } from './conflict-marks';
import { describeChanges } from './gantt-texts';
import { NewTask, TaskEdits } from './table/task-edits';
import { GanttFiltering } from './gantt-filtering';

/** A message above the chart: translation key and parameters, or the server's own words. */
export interface GanttNotice {
  kind: 'saved' | 'conflict' | 'error';
  key: string;
  params?: Record<string, string | number>;
  detail?: string;
}

/** Texts the store needs for the chart model (the page supplies them from the translations). */
export interface GanttModelTexts extends GroupFallbacks {
  holiday: string;
  conflictKind: (conflict: ConflictDto) => string;
  /** The side panel's name of a task field (for saying what was not saved). */
  fieldLabel: (field: string) => string;
}

/** Result of a save, so that the task panel can show the API's per-field problems. */
export type SaveResult = { ok: true } | { ok: false; failure: ApiFailure };

const CONFLICT_DAYS = 92;

const DEFAULT_TEXTS: GanttModelTexts = {
  noCrew: '—',
  noLocation: '—',
  unknown: '?',
  holiday: 'holiday',
  conflictKind: (c) => c.kind,
  fieldLabel: (field) => field,
};

/**
 * The Gantt page's state: the project's schedule from the API, the chart model built from it,
 * and the scheduling engine that previews drags in the browser. Every change is saved through
 * the API, which re-schedules the tasks that follow; the chart then reloads from the API, so
 * what is shown after a save is what is stored.
 */
@Injectable()
export class GanttStore {
  private readonly api = inject(PlanningApi);
  private readonly referenceData = inject(ReferenceData);
  private readonly edits = inject(TaskEdits);
  /** Undo and redo: every edit saved here is one entry (a change set on the server). */
  readonly history = inject(ChangeHistory);
  private readonly state = signal<{
    projectId: string | null;
    schedule: ProjectScheduleDto | null;
    refs: ReferenceMaps | null;
    loading: boolean;
    error: ApiFailure | null;
  }>({ projectId: null, schedule: null, refs: null, loading: false, error: null });
  private engine: SchedulingEngine | null = null;
  private loadSeq = 0;

  readonly grouping = signal<GanttGrouping>('department');
  readonly selectedId = signal<string | null>(null);
  /** A task just created or copied, for the page to scroll it into view (a new object each time). */
  readonly revealRequest = signal<{ id: string } | null>(null);
  /** Tasks picked in the table (click, Ctrl/Cmd+click, Shift+click), for bulk actions. */
  readonly selectedTaskIds = signal<ReadonlySet<string>>(new Set());
  readonly preview = signal<GanttPreview | null>(null);
  readonly notice = signal<GanttNotice | null>(null);
  readonly saving = signal(false);
  readonly editable = signal(false);
  readonly texts = signal<GanttModelTexts>(DEFAULT_TEXTS);
  readonly conflicts = signal<ConflictDto[]>([]);
  readonly conflictsError = signal<ApiFailure | null>(null);
  /** The moment the page was opened: the "now" line and the default scroll position. */
  readonly now = signal(Date.now());

  readonly schedule = computed(() => this.state().schedule);
  readonly refs = computed(() => this.state().refs);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);
  readonly project = computed(() => this.state().schedule?.project ?? null);
  readonly tasks = computed(() => this.state().schedule?.tasks ?? []);
  readonly taskById = computed(() => new Map(this.tasks().map((task) => [task.id, task])));
  readonly selectedTask = computed(() => {
    const id = this.selectedId();
    return (id && this.taskById().get(id)) || null;
  });
  private readonly spec = computed(() => {
    const schedule = this.schedule();
    return schedule ? calendarSpecOf(schedule) : null;
  });
  readonly calendar = computed(() => {
    const spec = this.spec();
    return spec ? WorkingCalendar.compile(spec) : null;
  });
  /** Working minutes of the project's day: what "1天" / "1d" means when durations are typed. */
  readonly minutesPerDay = computed(() => {
    const calendar = this.calendar();
    return (calendar && workingDayMinutes(calendar)) || 480;
  });
  readonly range = computed<GanttTimeRange>(() => {
    const tasks = this.tasks();
    return chartRange(
      tasks.map((t) => Date.parse(t.plannedStart)),
      tasks.map((t) => Date.parse(t.plannedFinish)),
      this.now(),
    );
  });
  /** Search and filter (kept in the URL by the filter bar): the rows show only the tasks that pass. */
  readonly filtering = new GanttFiltering({
    tasks: this.tasks,
    refs: this.refs,
    conflicts: this.conflicts,
    timeZone: computed(() => this.project()?.timeZone ?? 'Asia/Shanghai'),
  });
  readonly groups = computed(() => {
    const refs = this.refs();
    return refs ? buildGroups(this.filtering.tasks(), refs, this.grouping(), this.texts()) : [];
  });
  // Conflict triage: red markers for the clashes that count, grey for tasks whose clashes are all settled.
  private readonly notes = computed(() => conflictNotes(openConflicts(this.conflicts()), this.texts().conflictKind));
  private readonly settled = computed(() => settledConflictTasks(this.conflicts()));
  readonly bars = computed(() => {
    const refs = this.refs();
    return refs ? buildBars(this.tasks(), refs, this.notes(), this.settled()) : [];
  });
  readonly links = computed(() => {
    const schedule = this.schedule();
    return schedule ? buildLinks(schedule) : [];
  });
  readonly shading = computed(() => {
    const calendar = this.calendar();
    const spec = this.spec();
    return calendar && spec ? calendarShading(calendar, spec, this.range(), this.texts().holiday) : [];
  });
  /** How many other tasks move along with the one being dragged. */
  readonly movingAlong = computed(() => Math.max(0, (this.preview()?.size ?? 0) - 1));
  private readonly draggedId = signal<string | null>(null);
  /** Where the dragged task will land (it may be far from the pointer: after a weekend, held by a link). */
  readonly landing = computed(() => {
    const id = this.draggedId();
    return (id && this.preview()?.get(id)) || null;
  });

  /** Loads the project's schedule and the names of departments, crews and locations. */
  async load(projectId: string): Promise<void> {
    const seq = ++this.loadSeq;
    const again = this.state().projectId === projectId && this.state().schedule !== null;
    this.state.update((s) => ({ ...s, projectId, loading: !again, error: null }));
    try {
      const [schedule, refs] = await Promise.all([this.api.schedule(projectId), this.referenceData.load()]);
      if (seq !== this.loadSeq) return;
      this.engine = null;
      this.state.set({ projectId, schedule, refs, loading: false, error: null });
      // User Timing marks, read by the benchmark (tools/bench/gantt-bench.ts); nearly free.
      globalThis.performance?.mark?.('ws-gantt-data');
      void this.loadConflicts(seq);
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.state.update((s) => ({ ...s, loading: false, error: error as ApiFailure }));
    }
  }

  reload(): Promise<void> {
    const id = this.state().projectId;
    return id ? this.load(id) : Promise.resolve();
  }

  /** Builds the engine ahead of the first drag (a few tens of ms for 10,000 tasks). */
  warmUp(): void {
    this.ensureEngine();
  }

  /**
   * Shows where the task and everything after it would go, as the API will place them: the
   * dragged task too lands where the calendar and its links put it (a drop into the noon
   * break shows it at 14:00), not under the pointer.
   */
  previewDrag(event: GanttBarDragEvent): void {
    const task = this.taskById().get(event.taskId);
    const engine = this.ensureEngine();
    const calendar = this.calendar();
    if (!task || !engine || !calendar || !this.editable()) return;
    const edit = dragEdit(event, task, calendar);
    const outcome = edit && engine.preview(edit.changes);
    if (!edit || !outcome?.ok) {
      this.preview.set(null);
      return;
    }
    // Where the engine puts the dragged task (its links may hold it later than the drop),
    // also when that is where it already was and the outcome does not list it as moved.
    const preview = new Map<string, GanttTimeRange>([[task.id, engine.span(task.id) ?? edit.times]]);
    this.draggedId.set(task.id);
    for (const move of outcome.moved) {
      if (move.to) preview.set(move.id, { start: move.to.start, finish: move.to.finish });
    }
    this.preview.set(preview);
  }

  cancelDrag(): void {
    this.engine?.discard();
    this.preview.set(null);
  }

  /** Saves a drag: the task's new times go to the API, which moves its successors the same way. */
  async commitDrag(event: GanttBarDragEvent): Promise<SaveResult | null> {
    const task = this.taskById().get(event.taskId);
    const calendar = this.calendar();
    const edit = task && calendar ? dragEdit(event, task, calendar) : null;
    if (!task || !edit || !this.editable() || unchanged(edit, task)) {
      this.cancelDrag();
      return null;
    }
    this.previewDrag(event);
    this.engine?.discard();
    return this.saveTask(task, edit.patch, { key: 'undo.label.move', params: { title: task.title } });
  }

  /**
   * PATCHes one task with the version it was read at, then reloads the chart. A 409 (someone
   * changed it meanwhile) is said plainly, naming the task, and the current plan is loaded.
   */
  async saveTask(
    task: ScheduledTaskDto,
    changes: Partial<TaskDto>,
    label: ChangeLabel = { key: 'undo.label.edit', params: { title: task.title } },
  ): Promise<SaveResult> {
    const moving = this.movingAlong();
    this.saving.set(true);
    this.notice.set(null);
    try {
      await this.history.run(task.projectId, label, () =>
        this.api.updateTask(task.id, { ...changes, version: task.version }),
      );
      // The preview stays until the reloaded bars arrive, so nothing jumps back meanwhile.
      await this.reload();
      this.notice.set({
        kind: 'saved',
        key: 'gantt.saved',
        params: { title: changes.title ?? task.title, count: moving },
      });
      return { ok: true };
    } catch (error) {
      const failure = toFailure(error);
      if (failure.status === 409) {
        this.notice.set({
          kind: 'conflict',
          key: 'gantt.staleVersion',
          params: { title: task.title },
          detail: describeChanges(changes, this.project()?.timeZone ?? 'Asia/Shanghai', this.texts().fieldLabel),
        });
        await this.reload();
      } else {
        this.notice.set({
          kind: 'error',
          key: 'gantt.saveFailed',
          params: { title: task.title },
          detail: failure.message,
        });
      }
      return { ok: false, failure };
    } finally {
      this.preview.set(null);
      this.saving.set(false);
    }
  }

  /**
   * Creates a task (POST /api/tasks), reloads and selects it; the refusal is said above the
   * chart and returned (with the API's problems) for the caller to keep what was typed.
   */
  async createTask(task: NewTask): Promise<{ ok: true; task: TaskDto } | { ok: false; failure: ApiFailure }> {
    this.saving.set(true);
    this.notice.set(null);
    try {
      const created = await this.history.run(
        task.projectId,
        { key: 'undo.label.create', params: { title: task.title } },
        () => this.edits.createTask(task),
      );
      await this.reload();
      this.selectedId.set(created.id);
      this.revealRequest.set({ id: created.id });
      this.notice.set({ kind: 'saved', key: 'table.created', params: { title: created.title, code: created.code } });
      return { ok: true, task: created };
    } catch (error) {
      const failure = toFailure(error);
      this.notice.set({
        kind: 'error',
        key: 'table.createFailed',
        params: { title: task.title },
        detail: failure.message,
      });
      return { ok: false, failure };
    } finally {
      this.saving.set(false);
    }
  }

  /** A dependency drawn on the chart: refused here when it would close a cycle, else created. */
  async addDependency(event: GanttLinkCreateEvent): Promise<void> {
    const schedule = this.schedule();
    const engine = this.ensureEngine();
    if (!schedule || !engine || !this.editable()) return;
    const titles = (ids: readonly string[]) => ids.map((id) => this.taskById().get(id)?.title ?? id).join(' → ');
    const check = engine.preview({ kind: 'add-link', link: { id: '__new', ...event, lag: 0 } });
    engine.discard();
    if (!check.ok) {
      const cycle = check.error.kind === 'cycle' ? check.error.taskIds : [event.predecessorId, event.successorId];
      this.notice.set({ kind: 'error', key: 'gantt.cycle', params: { tasks: titles(cycle) } });
      return;
    }
    this.saving.set(true);
    this.notice.set(null);
    try {
      const tasks = titles([event.predecessorId, event.successorId]);
      await this.history.run(schedule.project.id, { key: 'undo.label.link', params: { tasks } }, () =>
        this.api.createDependency({ ...event, lagMinutes: 0 }),
      );
      await this.reload();
      this.notice.set({
        kind: 'saved',
        key: 'gantt.linkCreated',
        params: { tasks: titles([event.predecessorId, event.successorId]), type: event.type },
      });
    } catch (error) {
      const failure = toFailure(error);
      this.notice.set({ kind: 'error', key: 'gantt.linkFailed', detail: failure.message });
      if (failure.status === 409) await this.reload();
    } finally {
      this.saving.set(false);
    }
  }

  /** Clashes from a month back to two months ahead (the API serves at most 92 days at once). */
  private async loadConflicts(seq: number): Promise<void> {
    const project = this.project();
    if (!project) return;
    const today = localDateOf(this.now(), project.timeZone);
    const monthBack = addDays(today, -30);
    const from = project.startDate > monthBack ? project.startDate : monthBack;
    try {
      const conflicts = await this.api.conflicts(project.id, from, addDays(from, CONFLICT_DAYS - 1));
      if (seq !== this.loadSeq) return;
      this.conflicts.set(conflicts);
      this.conflictsError.set(null);
    } catch (error) {
      if (seq === this.loadSeq) this.conflictsError.set(toFailure(error));
    }
  }

  private ensureEngine(): SchedulingEngine | null {
    const schedule = this.schedule();
    const calendar = this.calendar();
    if (!schedule || !calendar) return null;
    this.engine ??= createEngine(schedule, 'hold', calendar);
    return this.engine;
  }
}

function toFailure(error: unknown): ApiFailure {
  return error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String((error as Error)?.message ?? error));
}
