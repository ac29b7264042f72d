import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { GanttStore } from '../gantt.store';
import { TaskActionsStore } from './task-actions.store';

/** The "新建任务" button of the Gantt header, with the actions on the selected task beside it. */
@Component({
  selector: 'ws-task-actions-menu',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'open.set(false)' },
  template: `
    <button type="button" class="new" (click)="actions.openCreate(gantt.selectedId())" data-testid="new-task-button">
      ＋ {{ 'taskActions.newTask' | translate }}
    </button>
    <button
      type="button"
      class="more"
      [attr.aria-expanded]="open()"
      [attr.aria-label]="'taskActions.more' | translate"
      (click)="open.set(!open())"
      data-testid="task-actions-more"
    >
      ▾
    </button>
    @if (open()) {
      <ul class="menu" role="menu">
        <li role="none">
          <button
            role="menuitem"
            type="button"
            (click)="open.set(false); actions.openCreate(null)"
            data-testid="new-at-start"
          >
            {{ 'taskActions.newAtStart' | translate }}
          </button>
        </li>
        @if (gantt.selectedId(); as id) {
          <li role="none">
            <button role="menuitem" type="button" (click)="open.set(false); actions.duplicate(id, false)">
              {{ 'taskActions.duplicate' | translate }}
            </button>
          </li>
          <li role="none">
            <button role="menuitem" type="button" class="danger" (click)="open.set(false); actions.requestDelete([id])">
              {{ 'taskActions.delete' | translate }}
            </button>
          </li>
        }
      </ul>
    }
  `,
  styleUrl: './task-menu.css',
  styles: `
    :host {
      position: relative;
      display: inline-flex;
    }
    .new {
      border-radius: 4px 0 0 4px;
      background: #1971c2;
      color: #fff;
      border: 0;
      padding: 0.3rem 0.7rem;
    }
    .more {
      border-radius: 0 4px 4px 0;
      background: #1864ab;
      color: #fff;
      border: 0;
      padding: 0.3rem 0.45rem;
    }
    .menu {
      position: absolute;
      top: 100%;
      left: 0;
      margin-top: 0.2rem;
    }
  `,
})
export class TaskActionsMenuComponent {
  protected readonly actions = inject(TaskActionsStore);
  protected readonly gantt = inject(GanttStore);
  protected readonly open = signal(false);
}
