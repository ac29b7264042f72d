import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { TaskStatus } from '@worksite/shared-domain';
import { GanttStore } from '../gantt.store';
import { TaskActionsStore } from './task-actions.store';

/** Shown while several tasks are selected: shift by working days, assign a crew, set a status, delete. */
@Component({
  selector: 'ws-bulk-bar',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (count() > 1) {
      <section class="bulk" role="region" [attr.aria-label]="'taskActions.bulk' | translate" data-testid="bulk-bar">
        <strong data-testid="bulk-count">{{ 'taskActions.selected' | translate: { count: count() } }}</strong>
        <form class="group" (submit)="$event.preventDefault(); shift()">
          <label>
            {{ 'taskActions.shiftBy' | translate }}
            <input
              type="number"
              step="1"
              [value]="days()"
              (input)="days.set(+$any($event.target).value)"
              data-testid="bulk-days"
            />
            {{ 'taskActions.workingDays' | translate }}
          </label>
          <button type="submit" [disabled]="busy() || !days() || !isInteger(days())" data-testid="bulk-shift">
            {{ 'taskActions.shift' | translate }}
          </button>
        </form>
        <span class="group">
          <select
            [attr.aria-label]="'taskActions.crew' | translate"
            (change)="crew.set($any($event.target).value)"
            data-testid="bulk-crew"
          >
            <option value="">{{ 'taskActions.pickCrew' | translate }}</option>
            @for (c of crews(); track c.id) {
              <option [value]="c.id">{{ c.name }}（{{ c.leaderName }}）</option>
            }
          </select>
          <button type="button" [disabled]="busy() || !crew()" (click)="actions.assignCrew(crew())">
            {{ 'taskActions.assign' | translate }}
          </button>
        </span>
        <span class="group">
          <select
            [attr.aria-label]="'taskActions.status' | translate"
            (change)="status.set($any($event.target).value)"
            data-testid="bulk-status"
          >
            <option value="">{{ 'taskActions.pickStatus' | translate }}</option>
            @for (s of statuses; track s) {
              <option [value]="s">{{ 'status.' + s | translate }}</option>
            }
          </select>
          <button type="button" [disabled]="busy() || !status()" (click)="actions.setStatus($any(status()))">
            {{ 'taskActions.set' | translate }}
          </button>
        </span>
        <button type="button" class="danger" [disabled]="busy()" (click)="deleteAll()" data-testid="bulk-delete">
          {{ 'taskActions.delete' | translate }}
        </button>
        <button type="button" class="clear" (click)="actions.clearSelection()">
          {{ 'taskActions.clear' | translate }}
        </button>
      </section>
    }
  `,
  styles: `
    .bulk {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 1rem;
      padding: 0.4rem 0.8rem;
      background: #e7f5ff;
      border: 1px solid #a5d8ff;
      border-radius: 4px;
    }
    .group {
      display: flex;
      align-items: center;
      gap: 0.3rem;
      margin: 0;
    }
    input[type='number'] {
      width: 3.5rem;
    }
    select {
      max-width: 11rem;
    }
    .danger {
      color: #c92a2a;
    }
    .clear {
      margin-left: auto;
    }
  `,
})
export class BulkBarComponent {
  protected readonly actions = inject(TaskActionsStore);
  private readonly gantt = inject(GanttStore);
  protected readonly statuses = Object.values(TaskStatus);
  protected readonly days = signal(1);
  protected readonly crew = signal('');
  protected readonly status = signal('');
  protected readonly count = computed(() => this.actions.selectedTasks().length);
  protected readonly busy = computed(() => this.actions.busy() || this.gantt.saving());
  protected readonly crews = computed(() => [...(this.gantt.refs()?.crews.values() ?? [])]);
  protected readonly isInteger = Number.isInteger;

  protected shift(): void {
    if (Number.isInteger(this.days()) && this.days() !== 0) void this.actions.shiftSelected(this.days());
  }

  protected deleteAll(): void {
    this.actions.requestDelete(this.actions.selectedTasks().map((task) => task.id));
  }
}
