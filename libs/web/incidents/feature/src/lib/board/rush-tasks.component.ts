import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { StatusBadgeComponent, ZonedRangePipe } from '@worksite/web-shared-ui';
import { RushTaskView } from '../data/board-view';

/** The rush tasks in order, each with the tasks it waits for and a link to its bar on the Gantt. */
@Component({
  selector: 'ws-rush-tasks',
  imports: [RouterLink, TranslatePipe, StatusBadgeComponent, ZonedRangePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="tasks" data-testid="rush-tasks">
      @for (item of tasks(); track item.task.taskId) {
        <li data-testid="rush-task" [attr.data-task-id]="item.task.taskId" [attr.data-status]="item.task.status">
          <span class="code">#{{ item.task.code }}</span>
          <span class="title">
            <a
              [routerLink]="['/projects', projectId(), 'gantt']"
              [queryParams]="{ task: item.task.taskId }"
              [attr.title]="'incidents.board.onGantt' | translate"
              >{{ item.task.title }}</a
            >
            @if (item.after.length) {
              <small class="after">{{ 'incidents.board.after' | translate: { codes: codes(item.after) } }}</small>
            }
          </span>
          <span class="when">{{
            item.task.plannedStart | wsRange: item.task.plannedFinish : zone() : 'datetime'
          }}</span>
          <ws-status-badge [status]="item.task.status" />
        </li>
      } @empty {
        <li>{{ 'common.none' | translate }}</li>
      }
    </ol>
    <a class="gantt" [routerLink]="['/projects', projectId(), 'gantt']" data-testid="incident-gantt">{{
      'incidents.board.openGantt' | translate
    }}</a>
  `,
  styles: `
    .tasks {
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
    }
    li {
      display: grid;
      grid-template-columns: 2.6rem 1fr auto auto;
      gap: 0.5rem;
      align-items: baseline;
      padding: 0.35rem 0;
      border-bottom: 1px solid #e4e7eb;
      font-size: 0.9rem;
    }
    .code {
      font-family: ui-monospace, monospace;
      color: #52606d;
    }
    .title {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .after,
    .when {
      color: #52606d;
    }
    .when {
      font-variant-numeric: tabular-nums;
    }
    @media (max-width: 600px) {
      li {
        grid-template-columns: 2.6rem 1fr auto;
      }
      .when {
        grid-column: 2 / 4;
        grid-row: 2;
        font-size: 0.85rem;
      }
    }
  `,
})
export class RushTasksComponent {
  readonly tasks = input.required<RushTaskView[]>();
  readonly projectId = input.required<string>();
  readonly zone = input.required<string>();

  protected codes(codes: number[]): string {
    return codes.map((code) => `#${code}`).join(', ');
  }
}
