import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { readinessBadges } from '@worksite/shared-make-ready';

/**
 * A task's status as a small coloured label (`status.<value>` in the translations). Where the
 * task's readiness is known (`notReady`: it has an open make-ready constraint), a "not ready" label
 * follows for work still to be done, and the status "ready" is not shown beside it (readinessBadges).
 */
@Component({
  selector: 'ws-status-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (badges().status; as status) {
      <span class="badge" [attr.data-status]="status">{{ 'status.' + status | translate }}</span>
    }
    @if (badges().notReady) {
      <span class="badge not-ready" data-testid="not-ready">{{ 'makeReady.notReady' | translate }}</span>
    }
  `,
  styles: `
    .badge {
      display: inline-block;
      padding: 0 0.45em;
      border-radius: 0.6em;
      font-size: 0.8rem;
      line-height: 1.5;
      white-space: nowrap;
      background: #e4e7eb;
      color: #323f4b;
    }
    [data-status='ready'] {
      background: #e3f8ff;
      color: #0b69a3;
    }
    [data-status='in_progress'] {
      background: #fff3c4;
      color: #8d2b0b;
    }
    [data-status='done'] {
      background: #e3f9e5;
      color: #207227;
    }
    [data-status='blocked'] {
      background: #ffe3e3;
      color: #ab091e;
    }
    [data-status='cancelled'] {
      text-decoration: line-through;
    }
    .badge + .badge {
      margin-left: 0.3em;
    }
    /* Dashed amber, as the Gantt marks a not-ready bar: not to be taken for "in progress". */
    .not-ready {
      border: 1px dashed #f79009;
      background: #fffaeb;
      color: #93370d;
      line-height: calc(1.5em - 2px);
    }
  `,
})
export class StatusBadgeComponent {
  readonly status = input.required<string>();
  /** The task has an open make-ready constraint (false, the default, where readiness is not known). */
  readonly notReady = input(false);
  protected readonly badges = computed(() => readinessBadges(this.status(), this.notReady()));
}
