import { computed, inject, Injectable, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { BulkTaskRequest, linksOfSelection, TaskDto, TaskStatus, WorkStepDto } from '@worksite/shared-domain';
import { ApiFailure } from '@worksite/web-core-data-access';
import { CreateTaskRequest, PlanningApi, TaskActionsApi } from '@worksite/web-planning-data-access';
import { GanttStore } from '../gantt.store';
import { TaskTableStore } from '../table/task-table.store';
import { copiedPredecessors, duplicateOf } from './task-drafts';

/** The "new task" dialog: after which task (null: at the project start). */
export interface CreateDialogState {
  anchorId: string | null;
}

/** A delete that waits for the user's yes: the tasks, and how many links go with them. */
export interface DeleteConfirmation {
  taskIds: string[];
  title: string;
  links: number;
}

/** Where the context menu of a bar or row is open. */
export interface ContextMenuState {
  taskId: string;
  x: number;
  y: number;
}

/**
 * Creating, duplicating and deleting tasks from the chart, and bulk edits of the selected tasks
 * (shift by working days, crew, status, delete). Everything goes through the API (in the user's
 * language); the chart then reloads, so what shows is what is stored.
 */
@Injectable()
export class TaskActionsStore {
  private readonly gantt = inject(GanttStore);
  private readonly api = inject(TaskActionsApi);
  private readonly planning = inject(PlanningApi);
  private readonly translate = inject(TranslateService);
  private readonly table = inject(TaskTableStore);

  readonly workSteps = signal<WorkStepDto[] | null>(null);
  readonly createDialog = signal<CreateDialogState | null>(null);
  readonly confirmation = signal<DeleteConfirmation | null>(null);
  readonly menu = signal<ContextMenuState | null>(null);
  readonly busy = signal(false);

  /** The selected tasks that are still in the plan, in the chart's row order. */
  readonly selectedTasks = computed(() => {
    const selected = this.gantt.selectedTaskIds();
    const byId = this.gantt.taskById();
    return [...selected].map((id) => byId.get(id)).filter((task): task is NonNullable<typeof task> => !!task);
  });

  openCreate(anchorId: string | null): void {
    this.menu.set(null);
    this.createDialog.set({ anchorId });
    if (this.workSteps() === null) {
      this.api.workSteps().then(
        (steps) => this.workSteps.set(steps),
        () => this.workSteps.set([]),
      );
    }
  }

  /**
   * A click on a bar selects as a click on its row of the table does (one task, Ctrl/⌘ toggles,
   * Shift adds the range): one selection, one anchor. Clicks inside the table are the table's.
   */
  chartClick(event: MouseEvent): void {
    const bar = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-task-id]') : null;
    const id = bar?.dataset['taskId'];
    if (!id) return;
    this.table.select(id, event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'single');
  }

  /** Right-click (or a long press) on a bar or row opens its menu. */
  chartContextMenu(event: MouseEvent): void {
    const taskId = taskIdAt(event.target);
    if (!taskId || !this.gantt.editable()) return;
    event.preventDefault();
    this.gantt.selectedId.set(taskId);
    this.menu.set({ taskId, x: event.clientX, y: event.clientY });
  }

  clearSelection(): void {
    this.gantt.selectedTaskIds.set(new Set());
  }

  /** Creates the task, links it after its anchor when asked, selects it. */
  async create(request: CreateTaskRequest, linkAfter: string | null): Promise<boolean> {
    return this.run('taskActions.created', { title: request.title }, async () => {
      const created = await this.api.createTask(request);
      if (linkAfter) {
        await this.planning.createDependency({ predecessorId: linkAfter, successorId: created.id, type: 'FS' });
      }
      this.createDialog.set(null);
      return created;
    });
  }

  async duplicate(taskId: string, keepPredecessors: boolean): Promise<void> {
    this.menu.set(null);
    const task = this.gantt.taskById().get(taskId);
    if (!task) return;
    const title = this.translate.instant('taskActions.copyTitle', { title: task.title }) as string;
    await this.run('taskActions.duplicated', { title: task.title }, async () => {
      const copy = await this.api.createTask(duplicateOf(task, title));
      if (keepPredecessors) {
        for (const link of copiedPredecessors(this.gantt.schedule()?.dependencies ?? [], task.id, copy.id)) {
          await this.planning.createDependency(link);
        }
      }
      return copy;
    });
  }

  /** Deletes a task without links at once; one with links, or several tasks, asks first. */
  requestDelete(taskIds: readonly string[]): void {
    this.menu.set(null);
    const tasks = taskIds.map((id) => this.gantt.taskById().get(id)).filter((t): t is NonNullable<typeof t> => !!t);
    if (tasks.length === 0) return;
    const { links } = linksOfSelection(new Set(taskIds), this.gantt.schedule()?.dependencies ?? []);
    this.confirmation.set({ taskIds: tasks.map((t) => t.id), title: tasks[0].title, links });
    if (tasks.length === 1 && links === 0) void this.confirmDelete();
  }

  async confirmDelete(): Promise<void> {
    const pending = this.confirmation();
    if (!pending) return;
    this.confirmation.set(null);
    const [only] = pending.taskIds;
    if (pending.taskIds.length === 1) {
      await this.run('taskActions.deleted', { title: pending.title, count: 1 }, async () => {
        await this.api.deleteTask(only, pending.links > 0);
        return null;
      });
    } else {
      await this.bulk({ delete: true, removeLinks: pending.links > 0 }, 'taskActions.deleted', pending.taskIds);
    }
  }

  shiftSelected(days: number): Promise<void> {
    return this.bulk({ shiftWorkingDays: days }, 'taskActions.shifted');
  }

  assignCrew(crewId: string | null): Promise<void> {
    return this.bulk({ crewId }, 'taskActions.crewAssigned');
  }

  setStatus(status: TaskStatus): Promise<void> {
    return this.bulk({ status }, 'taskActions.statusSet');
  }

  private async bulk(
    change: Omit<BulkTaskRequest, 'tasks'>,
    done: string,
    ids: readonly string[] = this.selectedTasks().map((task) => task.id),
  ): Promise<void> {
    const project = this.gantt.project();
    const byId = this.gantt.taskById();
    const tasks = ids.map((id) => byId.get(id)).filter((t): t is NonNullable<typeof t> => !!t);
    if (!project || tasks.length === 0) return;
    await this.run(done, { count: tasks.length, title: tasks[0].title }, async () => {
      const result = await this.api.bulk(project.id, {
        tasks: tasks.map((task) => ({ id: task.id, version: task.version })),
        ...change,
      });
      if (result.deletedIds.length > 0) this.clearSelection();
      return null;
    });
  }

  /**
   * Runs a write as one edit of the undo history (its requests share a change set), reloads the
   * chart and says what happened (or why not) above it.
   */
  private async run(
    done: string,
    params: Record<string, string | number>,
    write: () => Promise<TaskDto | null>,
  ): Promise<boolean> {
    this.busy.set(true);
    this.gantt.notice.set(null);
    try {
      const projectId = this.gantt.project()?.id;
      if (!projectId) return false;
      const label = { key: done.replace('taskActions.', 'taskActions.undoLabel.'), params };
      const created = await this.gantt.history.run(projectId, label, write);
      await this.gantt.reload();
      if (created) {
        this.gantt.selectedId.set(created.id);
        this.gantt.selectedTaskIds.set(new Set([created.id]));
        this.gantt.revealRequest.set({ id: created.id });
      }
      this.gantt.notice.set({ kind: 'saved', key: done, params });
      return true;
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, 'error', String(error));
      this.gantt.notice.set({
        kind: failure.status === 409 ? 'conflict' : 'error',
        key: 'taskActions.failed',
        detail: failure.message,
      });
      if (failure.status === 409) await this.gantt.reload();
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}

/** The task of a bar (`data-task-id`), a line of the table (`data-table-task`) or of the row pane (`data-row-id`). */
function taskIdAt(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const element = target.closest<HTMLElement>('[data-task-id], [data-table-task], [data-row-id]');
  return element?.dataset['taskId'] ?? element?.dataset['tableTask'] ?? element?.dataset['rowId'] ?? null;
}
