import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { isOverdue, MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { ZonedTimePipe } from '@worksite/web-shared-ui';

/**
 * One make-ready constraint in a line: kind, description, owner, due date (red when overdue),
 * and who cleared it when. The same line in the panel, the look-ahead, the day plan and the
 * agency view.
 */
@Component({
  selector: 'ws-constraint-line',
  imports: [TranslatePipe, ZonedTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-status]': 'constraint().status', '[class.cleared]': "constraint().status === 'cleared'" },
  template: `
    @let c = constraint();
    <span class="kind">{{ 'makeReady.kind.' + c.kind | translate }}</span>
    @if (c.description) {
      <span class="description">{{ c.description }}</span>
    }
    <span class="owner"
      >{{ 'makeReady.owner' | translate }}{{ 'common.colon' | translate }}{{ c.ownerName ?? '—' }}</span
    >
    @if (c.dueDate) {
      <span class="due" [class.overdue]="overdue()" data-testid="constraint-due">
        {{ 'makeReady.due' | translate }} {{ c.dueDate }}
        @if (overdue()) {
          ({{ 'makeReady.overdue' | translate }})
        }
      </span>
    }
    @if (c.status === 'cleared') {
      <span class="status">
        ✓ {{ 'makeReady.clearedBy' | translate: { who: c.clearedByName ?? '—' } }}
        {{ c.clearedAt | wsTime: zone() : 'datetime' }}
      </span>
    } @else {
      <span class="status open">{{ 'makeReady.status.open' | translate }}</span>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.15rem 0.6rem;
      font-size: 0.85rem;
      min-width: 0;
    }
    .kind {
      font-weight: 600;
    }
    .description {
      overflow-wrap: anywhere;
    }
    .owner,
    .due,
    .status {
      color: #52606d;
    }
    .due.overdue {
      color: #b42318;
      font-weight: 600;
    }
    .status.open {
      color: #b54708;
    }
    :host(.cleared) .kind,
    :host(.cleared) .description {
      color: #7b8794;
      text-decoration: line-through;
    }
  `,
})
export class ConstraintLineComponent {
  readonly constraint = input.required<MakeReadyConstraintDto>();
  /** Today as a local date in the project's zone (what "overdue" compares with). */
  readonly today = input.required<string>();
  readonly zone = input('Asia/Shanghai');
  protected readonly overdue = computed(() => isOverdue(this.constraint(), this.today()));
}
