import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslateService } from '@ngx-translate/core';
import { parseDuration, parsePredecessors } from '@worksite/plan-notation';
import { ScheduledTaskDto, TaskDto } from '@worksite/shared-domain';
import { ApiFailure, LanguageService } from '@worksite/web-core-data-access';
import { LayoutLine } from '@worksite/web-gantt-ui';
import { ReadinessStore } from '@worksite/web-make-ready-data-access';
import { PlanningApi } from '@worksite/web-planning-data-access';
import { GanttStore } from '../gantt.store';
import { fromLocalInput, toLocalInput } from '../task-form';
import {
  CellContext,
  cellText,
  columnLayout,
  ColumnState,
  PHONE_COLUMNS,
  resizeColumn,
  restoreColumns,
  TableColumnId,
  toggleColumn,
} from './table-columns';
import {
  ActiveCell,
  clickSelection,
  nextSort,
  predecessorChanges,
  predecessorsByTask,
  sortGroups,
  TableSort,
} from './table-logic';
import { TaskEdits } from './task-edits';

const STORAGE_KEY = 'ws.taskTable.columns';
const NONE: ReadonlySet<string> = new Set<string>();
const SHOWN_KEY = 'ws.taskTable.shown';
const PHONE_QUERY = '(max-width: 800px)';

/** A cell being edited: what was typed stays until it is saved or the edit is cancelled. */
export interface CellEdit {
  taskId: string;
  column: TableColumnId;
  text: string;
  error: string | null;
  busy: boolean;
}

type Parsed = { ok: true; changes: Partial<TaskDto> } | { ok: false; error: string };

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The task table beside the chart: its columns (shown, widths, sort), the active cell, the
 * cell being edited and the new-task line. Edits go through the Gantt store's save path (PATCH
 * with the version, 409 said as for a drag); predecessors typed in MS Project notation become
 * the dependency creates, changes and deletions that make the stored links match.
 */
@Injectable()
export class TaskTableStore {
  private readonly gantt = inject(GanttStore);
  private readonly edits = inject(TaskEdits);
  private readonly api = inject(PlanningApi);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  private readonly statusTexts = toSignal(this.translate.stream('status'), { initialValue: {} });
  private readonly notReadyText = toSignal(this.translate.stream('makeReady.notReady'), { initialValue: '' });
  /** Which tasks wait on an open make-ready constraint (the page provides the readiness map). */
  private readonly readiness = inject(ReadinessStore, { optional: true });
  readonly notReady = computed<ReadonlySet<string>>(() => this.readiness?.notReadyIds() ?? NONE);

  readonly columns = signal<ColumnState>(restoreColumns(storage()?.getItem(STORAGE_KEY) ?? null));
  readonly sort = signal<TableSort | null>(null);
  /** The table beside the chart (else the chart's own narrow row pane). */
  readonly shown = signal(storage()?.getItem(SHOWN_KEY) !== 'false');
  readonly phone = signal(false);
  readonly menuOpen = signal(false);
  readonly active = signal<ActiveCell | null>(null);
  readonly editing = signal<CellEdit | null>(null);
  readonly newTitle = signal('');
  readonly newError = signal<string | null>(null);
  /** The lines the chart shows (collapsed groups without their rows), for the export. */
  readonly shownLines = signal<readonly LayoutLine[] | null>(null);
  private anchor: string | null = null;

  readonly minutesPerDay = this.gantt.minutesPerDay;
  readonly predecessors = computed(() =>
    predecessorsByTask(this.gantt.schedule()?.dependencies ?? [], this.gantt.taskById()),
  );
  readonly taskByCode = computed(() => new Map(this.gantt.tasks().map((task) => [task.code, task])));
  readonly context = computed<CellContext | null>(() => {
    const refs = this.gantt.refs();
    const project = this.gantt.project();
    if (!refs || !project) return null;
    const statuses = this.statusTexts() as Record<string, string>;
    return {
      refs,
      zone: project.timeZone,
      minutesPerDay: this.minutesPerDay(),
      locale: this.language.current(),
      predecessors: this.predecessors(),
      statusLabel: (status) => statuses[status] ?? status,
      notReady: this.notReady(),
      notReadyLabel: this.notReadyText() as string,
    };
  });
  readonly layout = computed(() => {
    const state = this.columns();
    // Phones: the code and a short title beside the chart.
    if (this.phone()) return columnLayout({ visible: PHONE_COLUMNS, widths: { code: 40, title: 110 } }, PHONE_COLUMNS);
    return columnLayout(state);
  });
  /** The left pane's width: the table's columns, or the chart's own pane when the table is hidden. */
  readonly paneWidth = computed(() => {
    if (!this.shown()) return this.phone() ? 140 : 300;
    return this.layout().width + 1;
  });
  /** The chart's rows: the store's groups, each sorted by the table's sort. */
  readonly rows = computed(() => {
    const ctx = this.context();
    const groups = this.gantt.groups();
    return ctx ? sortGroups(groups, this.sort(), this.gantt.taskById(), ctx) : groups;
  });
  /** Task ids in the table's order (for Shift+click ranges). */
  private readonly order = computed(() => this.rows().flatMap((group) => group.rows.map((row) => row.id)));

  constructor() {
    const media = globalThis.matchMedia?.(PHONE_QUERY);
    if (media) {
      this.phone.set(media.matches);
      const onChange = (event: MediaQueryListEvent) => this.phone.set(event.matches);
      media.addEventListener?.('change', onChange);
      inject(DestroyRef).onDestroy(() => media.removeEventListener?.('change', onChange));
    }
  }

  toggleShown(): void {
    this.shown.update((shown) => !shown);
    storage()?.setItem(SHOWN_KEY, String(this.shown()));
  }

  toggleColumn(id: TableColumnId): void {
    this.saveColumns(toggleColumn(this.columns(), id));
  }

  resize(id: TableColumnId, width: number): void {
    this.saveColumns(resizeColumn(this.columns(), id, width));
  }

  sortBy(column: TableColumnId): void {
    this.sort.set(nextSort(this.sort(), column));
  }

  /** A click on a task row: select it alone, toggle it (Ctrl/Cmd) or the range to it (Shift). */
  select(taskId: string, mode: 'single' | 'toggle' | 'range'): void {
    const next = clickSelection(this.gantt.selectedTaskIds(), this.anchor, taskId, mode, this.order());
    if (mode !== 'range') this.anchor = taskId;
    this.gantt.selectedTaskIds.set(next);
    this.gantt.selectedId.set(taskId);
  }

  startEdit(task: ScheduledTaskDto, column: TableColumnId, typed?: string): void {
    if (!this.gantt.editable() || this.phone()) return;
    const ctx = this.context();
    if (!ctx) return;
    this.editing.set({
      taskId: task.id,
      column,
      text: typed ?? this.editText(task, column, ctx),
      error: null,
      busy: false,
    });
  }

  cancelEdit(): void {
    this.editing.set(null);
  }

  /** Saves the cell being edited; false (and the editor stays, with the reason) when refused. */
  async commitEdit(): Promise<boolean> {
    const edit = this.editing();
    const task = edit && this.gantt.taskById().get(edit.taskId);
    if (!edit || !task || edit.busy) return false;
    if (edit.column === 'predecessors') return this.savePredecessors(task, edit);
    const parsed = this.parse(task, edit);
    if (!parsed.ok) return this.refuse(edit, parsed.error);
    const changed = Object.entries(parsed.changes).some(
      ([key, value]) => (task as unknown as Record<string, unknown>)[key] !== value,
    );
    if (!changed) {
      this.editing.set(null);
      return true;
    }
    this.editing.set({ ...edit, busy: true, error: null });
    const result = await this.gantt.saveTask(task, parsed.changes);
    if (result.ok) {
      this.editing.set(null);
      return true;
    }
    return this.refuse(edit, failureText(result.failure));
  }

  /** The new-task line: a title and Enter; the new task's id, or null when refused. */
  async createTask(): Promise<string | null> {
    const title = this.newTitle().trim();
    const project = this.gantt.project();
    const refs = this.gantt.refs();
    if (!project || !refs || !this.gantt.editable()) return null;
    if (!title) {
      this.newError.set(this.translate.instant('table.errors.titleRequired'));
      return null;
    }
    const selected = this.gantt.selectedTask();
    const departmentId =
      selected?.departmentId ??
      [...refs.departments.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))[0]?.id;
    if (!departmentId) {
      this.newError.set(this.translate.instant('table.errors.noDepartment'));
      return null;
    }
    const start =
      selected?.plannedFinish ??
      new Date(fromLocalInput(`${project.startDate}T00:00`, project.timeZone) as string).toISOString();
    const result = await this.gantt.createTask({
      projectId: project.id,
      title,
      departmentId,
      crewId: selected?.crewId ?? null,
      locationId: selected?.locationId ?? null,
      plannedStart: start,
      durationMinutes: this.minutesPerDay(),
    });
    if (!result.ok) {
      this.newError.set(failureText(result.failure));
      return null;
    }
    this.newTitle.set('');
    this.newError.set(null);
    this.gantt.selectedTaskIds.set(new Set([result.task.id]));
    return result.task.id;
  }

  /** The text an editor starts with: durations in the table's notation, the start as datetime-local. */
  private editText(task: ScheduledTaskDto, column: TableColumnId, ctx: CellContext): string {
    switch (column) {
      case 'department':
        return task.departmentId;
      case 'crew':
        return task.crewId ?? '';
      case 'location':
        return task.locationId ?? '';
      case 'status':
        return task.status;
      case 'progress':
        return String(task.progress);
      case 'start':
        return toLocalInput(task.plannedStart, ctx.zone);
      default:
        return cellText(task, column, ctx);
    }
  }

  private parse(task: ScheduledTaskDto, edit: CellEdit): Parsed {
    const text = edit.text;
    const error = (key: string, params?: Record<string, unknown>) => ({
      ok: false as const,
      error: this.translate.instant(`table.errors.${key}`, params),
    });
    switch (edit.column) {
      case 'title': {
        const title = text.trim();
        if (!title) return error('titleRequired');
        if (title.length > 200) return error('titleTooLong');
        return { ok: true, changes: { title } };
      }
      case 'department':
        return { ok: true, changes: { departmentId: text } };
      case 'crew':
        return { ok: true, changes: { crewId: text || null } };
      case 'location':
        return { ok: true, changes: { locationId: text || null } };
      case 'status':
        return { ok: true, changes: { status: text } };
      case 'start': {
        const zone = this.gantt.project()?.timeZone ?? 'Asia/Shanghai';
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return error('start');
        return { ok: true, changes: { plannedStart: fromLocalInput(text, zone) as string } };
      }
      case 'duration': {
        const parsed = parseDuration(text, this.minutesPerDay());
        return parsed.ok
          ? { ok: true, changes: { durationMinutes: parsed.minutes } }
          : error(`duration.${parsed.error.kind}`);
      }
      case 'progress': {
        const value = Number(text.replace(/[%％\s]/g, ''));
        if (!Number.isInteger(value) || value < 0 || value > 100) return error('progress');
        return { ok: true, changes: { progress: value } };
      }
      default:
        return error('readOnly');
    }
  }

  private async savePredecessors(task: ScheduledTaskDto, edit: CellEdit): Promise<boolean> {
    const parsed = parsePredecessors(edit.text, this.minutesPerDay());
    if (!parsed.ok) {
      const message = parsed.errors
        .map((e) => this.translate.instant(`table.errors.predecessor.${e.kind}`, { piece: e.piece }))
        .join('；');
      return this.refuse(edit, message);
    }
    const changes = predecessorChanges(
      task,
      parsed.links,
      this.gantt.schedule()?.dependencies ?? [],
      this.taskByCode(),
    );
    if (changes.unknownCodes.length) {
      return this.refuse(
        edit,
        this.translate.instant('table.errors.predecessor.unknown', { codes: changes.unknownCodes.join(', ') }),
      );
    }
    if (changes.selfCode) return this.refuse(edit, this.translate.instant('table.errors.predecessor.self'));
    if (!changes.create.length && !changes.update.length && !changes.remove.length) {
      this.editing.set(null);
      return true;
    }
    this.editing.set({ ...edit, busy: true, error: null });
    const label = { key: 'undo.label.predecessors', params: { title: task.title } };
    const byCode = this.taskByCode();
    const seen = (this.gantt.schedule()?.dependencies ?? [])
      .filter((link) => link.successorId === task.id)
      .map((link) => ({ id: link.id, version: link.version }));
    try {
      // One write (all or nothing, one scheduling pass, one change set: one undo).
      await this.gantt.history.run(task.projectId, label, () =>
        this.edits.replacePredecessors(
          task.id,
          parsed.links.map((link) => ({
            predecessorId: (byCode.get(link.code) as ScheduledTaskDto).id,
            type: link.type,
            lagMinutes: link.lagMinutes,
          })),
          seen,
        ),
      );
      await this.gantt.reload();
      this.gantt.notice.set({ kind: 'saved', key: 'table.predecessorsSaved', params: { title: task.title } });
      this.editing.set(null);
      return true;
    } catch (error) {
      await this.gantt.reload();
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String(error));
      this.gantt.notice.set({ kind: 'error', key: 'gantt.linkFailed', detail: failure.message });
      return this.refuse(edit, failureText(failure));
    }
  }

  private refuse(edit: CellEdit, error: string): false {
    this.editing.set({ ...edit, busy: false, error });
    return false;
  }

  private saveColumns(state: ColumnState): void {
    this.columns.set(state);
    storage()?.setItem(STORAGE_KEY, JSON.stringify(state));
  }
}

/** The API's message with its per-field problems ("…: plannedStart: …"). */
export function failureText(failure: ApiFailure): string {
  const problems = (failure.problems ?? []).flatMap((p) => p.messages);
  return problems.length ? `${failure.message}: ${problems.join('；')}` : failure.message;
}
