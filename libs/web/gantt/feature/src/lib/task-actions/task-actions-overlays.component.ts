import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { GanttStore } from '../gantt.store';
import { CreateTaskEvent, TaskCreateDialogComponent } from './task-create-dialog.component';
import { TaskActionsStore } from './task-actions.store';

/**
 * What the task actions float over the chart: the context menu of a bar or row, the "new task"
 * dialog, the question before deleting tasks with links, and the marks of the selected bars.
 */
@Component({
  selector: 'ws-task-actions-overlays',
  imports: [TranslatePipe, TaskCreateDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:pointerdown)': 'outside($event)',
    '(document:keydown.escape)': 'actions.menu.set(null); actions.confirmation.set(null)',
  },
  template: `
    @if (actions.menu(); as menu) {
      <ul class="menu" role="menu" data-testid="task-menu" [style.left.px]="menuX()" [style.top.px]="menuY()">
        @for (item of items; track item.key) {
          <li role="none">
            <button
              role="menuitem"
              type="button"
              [class.danger]="item.key === 'delete'"
              (click)="item.run(menu.taskId)"
              [attr.data-testid]="'menu-' + item.key"
            >
              {{ item.label | translate }}
            </button>
          </li>
        }
      </ul>
    }
    @if (actions.createDialog(); as dialog) {
      @if (gantt.project(); as project) {
        <ws-task-create-dialog
          [project]="project"
          [refs]="gantt.refs()!"
          [anchor]="dialog.anchorId ? (gantt.taskById().get(dialog.anchorId) ?? null) : null"
          [steps]="actions.workSteps()"
          [busy]="actions.busy()"
          [minutesPerDay]="gantt.minutesPerDay()"
          (create)="create($event)"
          (cancelled)="actions.createDialog.set(null)"
        />
      }
    }
    @if (actions.confirmation(); as ask) {
      <div class="backdrop"></div>
      <div
        class="confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="ws-delete-question"
        data-testid="delete-confirm"
      >
        <p id="ws-delete-question">
          @if (ask.taskIds.length === 1) {
            {{
              (ask.links > 0 ? 'taskActions.confirmDeleteLinks' : 'taskActions.confirmDelete')
                | translate: { title: ask.title, count: ask.links }
            }}
          } @else {
            {{ 'taskActions.confirmDeleteMany' | translate: { tasks: ask.taskIds.length, count: ask.links } }}
          }
        </p>
        <div class="actions">
          <button type="button" (click)="actions.confirmation.set(null)">{{ 'common.cancel' | translate }}</button>
          <button type="button" class="danger" (click)="actions.confirmDelete()" data-testid="confirm-delete">
            {{ 'taskActions.delete' | translate }}
          </button>
        </div>
      </div>
    }
  `,
  styleUrls: ['./task-menu.css', './task-actions-overlays.css'],
})
export class TaskActionsOverlaysComponent {
  protected readonly actions = inject(TaskActionsStore);
  protected readonly gantt = inject(GanttStore);
  private readonly document = inject(DOCUMENT);
  protected readonly items = [
    { key: 'new-after', label: 'taskActions.newAfter', run: (id: string) => this.actions.openCreate(id) },
    { key: 'duplicate', label: 'taskActions.duplicate', run: (id: string) => this.actions.duplicate(id, false) },
    {
      key: 'duplicate-links',
      label: 'taskActions.duplicateWithPredecessors',
      run: (id: string) => this.actions.duplicate(id, true),
    },
    { key: 'delete', label: 'taskActions.delete', run: (id: string) => this.actions.requestDelete([id]) },
  ];

  /** The menu stays inside the window (12rem wide, four items). */
  protected readonly menuX = computed(() => {
    const x = this.actions.menu()?.x ?? 0;
    return Math.max(4, Math.min(x, (this.document.defaultView?.innerWidth ?? 1024) - 200));
  });
  protected readonly menuY = computed(() => {
    const y = this.actions.menu()?.y ?? 0;
    return Math.max(4, Math.min(y, (this.document.defaultView?.innerHeight ?? 768) - 180));
  });

  constructor() {
    // Selected bars and rows are outlined by a style sheet of their ids: the chart renders only
    // a window of bars, and the marks follow it without the chart knowing about the selection.
    const style = this.document.createElement('style');
    style.dataset['wsSelection'] = '';
    this.document.head.appendChild(style);
    inject(DestroyRef).onDestroy(() => style.remove());
    effect(() => {
      const ids = [...this.gantt.selectedTaskIds()].filter((id) => /^[\w-]+$/.test(id));
      style.textContent =
        ids.length < 2
          ? ''
          : `${ids.map((id) => `ws-gantt-chart [data-task-id="${id}"]`).join(',')}{outline:2px solid #1971c2;outline-offset:1px}` +
            `${ids.map((id) => `ws-gantt-chart [data-row-id="${id}"]`).join(',')}{background:#d0ebff}`;
    });
  }

  /** A press outside the open context menu closes it (the menu's own buttons act first). */
  protected outside(event: Event): void {
    if (!this.actions.menu()) return;
    const inside = event.target instanceof Element && event.target.closest('[data-testid=task-menu]');
    if (!inside) this.actions.menu.set(null);
  }

  protected async create(event: CreateTaskEvent): Promise<void> {
    await this.actions.create(event.request, event.linkAfter);
  }
}
