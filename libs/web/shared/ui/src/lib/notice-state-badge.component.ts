import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * A crew notice's state (`noticeState.<state>` in the translations: sent, failed,
 * acknowledged, sending, unknown, not-sent), with an "amended" mark for later revisions.
 */
@Component({
  selector: 'ws-notice-state',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="badge" [attr.data-state]="state()">{{ 'noticeState.' + state() | translate }}</span>
    @if (amended()) {
      <span class="badge amended" data-state="amended">{{ 'noticeState.amended' | translate }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 0.3rem;
    }
    .badge {
      padding: 0 0.45em;
      border-radius: 0.6em;
      font-size: 0.8rem;
      line-height: 1.5;
      white-space: nowrap;
      background: #e4e7eb;
      color: #323f4b;
    }
    [data-state='sent'] {
      background: #e3f8ff;
      color: #0b69a3;
    }
    [data-state='acknowledged'] {
      background: #e3f9e5;
      color: #207227;
    }
    [data-state='failed'],
    [data-state='unknown'] {
      background: #ffe3e3;
      color: #ab091e;
    }
    [data-state='sending'] {
      background: #fff3c4;
      color: #8d2b0b;
    }
    .amended {
      background: #f3e8ff;
      color: #5f3dc4;
    }
  `,
})
export class NoticeStateBadgeComponent {
  readonly state = input.required<string>();
  readonly amended = input(false);
}
