import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ZonedTimePipe } from '@worksite/web-shared-ui';
import { CrewOutbox, isAck } from '@worksite/web-weekly-plan-data-access';

/**
 * "N waiting to send" while taps (reports and acknowledgements) are queued on the phone, every tap the server refused, and that
 * the day shown was kept on the phone (no answer from the server).
 */
@Component({
  selector: 'ws-crew-outbox-status',
  imports: [TranslatePipe, ZonedTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (keptAt(); as at) {
      <p class="kept" role="status" data-testid="kept-day">
        <span>{{ 'crewPhone.kept' | translate: { time: (at | wsTime: zone()) } }}</span>
        <button type="button" (click)="retry.emit()">{{ 'common.retry' | translate }}</button>
      </p>
    }
    @if (outbox.waiting(); as n) {
      <p class="waiting" role="status" data-testid="outbox-waiting" [attr.data-count]="n">
        <span>{{ 'crewPhone.waiting' | translate: { count: n } }}</span>
        <button type="button" [disabled]="outbox.sending()" (click)="outbox.flush()">
          {{ 'crewPhone.sendNow' | translate }}
        </button>
      </p>
    }
    @for (r of outbox.rejected(); track r.tap.clientKey) {
      <p class="ws-error rejected" role="alert" data-testid="outbox-rejected">
        <span
          >{{ (isAck(r.tap) ? 'crewPhone.ackRejected' : 'crewPhone.rejected') | translate
          }}{{ 'common.colon' | translate }}{{ r.message }}</span
        >
        <button type="button" (click)="outbox.dismiss(r.tap.clientKey)">
          {{ 'crewPhone.dismiss' | translate }}
        </button>
      </p>
    }
  `,
  styles: `
    /* Stays in sight while the lead scrolls through the day's tasks. */
    :host {
      display: block;
      position: sticky;
      top: 0;
      z-index: 2;
    }
    p {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin: 0 0 0.6rem;
      padding: 0.5rem 0.7rem;
      border-radius: 6px;
    }
    .waiting {
      color: #7c5e10;
      background: #fff3c4;
      border: 1px solid #f0c94a;
      font-weight: 600;
    }
    .kept {
      color: #334e68;
      background: #e6f0fa;
      border: 1px solid #9fb3c8;
    }
    button {
      flex: none;
      white-space: nowrap;
      min-height: 40px;
      padding: 0 0.8rem;
    }
  `,
})
export class CrewOutboxStatusComponent {
  protected readonly outbox = inject(CrewOutbox);
  protected readonly isAck = isAck;
  /** When the day shown was kept on the phone; null when it came from the server. */
  readonly keptAt = input<number | null>(null);
  readonly zone = input('Asia/Shanghai');
  readonly retry = output<void>();
}
