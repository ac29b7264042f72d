import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** A task's status as a small coloured label (`status.<value>` in the translations). */
@Component({
  selector: 'ws-status-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [attr.data-status]="status()">{{ 'status.' + status() | translate }}</span>`,
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
  `,
})
export class StatusBadgeComponent {
  readonly status = input.required<string>();
}
