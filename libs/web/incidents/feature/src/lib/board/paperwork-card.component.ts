import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { IncidentTaskDto } from '@worksite/shared-domain';
import { StatusBadgeComponent, ZonedTimePipe } from '@worksite/web-shared-ui';
import { countdown } from '../data/elapsed';

/** The paperwork task 事故资料: its deadline 24 hours after the report, the time left, and "done". */
@Component({
  selector: 'ws-paperwork-card',
  imports: [TranslatePipe, ZonedTimePipe, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="paperwork"
      data-testid="paperwork"
      [attr.data-done]="done()"
      [class.overdue]="left().overdue && !done()"
      [class.soon]="left().soon && !done()"
    >
      <div class="line">
        <span>{{ 'incidents.board.paperworkHint' | translate }}</span>
        @if (task(); as t) {
          <ws-status-badge [status]="t.status" />
        }
      </div>
      <div class="line">
        <span>{{ 'incidents.board.dueAt' | translate }} {{ dueAt() | wsTime: zone() : 'datetime' }}</span>
        @if (!done()) {
          @let l = left();
          <span class="left" data-testid="paperwork-countdown">{{
            (l.overdue ? 'incidents.board.overdueBy' : 'incidents.board.timeLeft') | translate: { time: l.text }
          }}</span>
        }
      </div>
      @if (mayAct() && !done() && task()) {
        <button type="button" data-testid="paperwork-done" [disabled]="busy()" (click)="complete.emit()">
          {{ 'incidents.board.markPaperworkDone' | translate }}
        </button>
      }
    </div>
  `,
  styles: `
    .paperwork {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      padding: 0.6rem 0.8rem;
      border-radius: 6px;
      background: #f5f7fa;
      border: 1px solid #e4e7eb;
    }
    .paperwork.soon {
      background: #fffbea;
      border-color: #f7c948;
    }
    .paperwork.overdue {
      background: #ffe3e3;
      border-color: #e12d39;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 0.8rem;
      align-items: baseline;
    }
    .left {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    button {
      align-self: flex-start;
      font: inherit;
      min-height: 2.4rem;
      padding: 0.3rem 0.9rem;
      color: #fff;
      background: #1c3d5a;
      border: 0;
      border-radius: 4px;
    }
    button:disabled {
      opacity: 0.5;
    }
  `,
})
export class PaperworkCardComponent {
  private readonly translate = inject(TranslateService);
  readonly task = input.required<IncidentTaskDto | null>();
  readonly dueAt = input.required<string>();
  readonly done = input.required<boolean>();
  /** Now on the server's clock. */
  readonly now = input.required<number>();
  readonly zone = input.required<string>();
  readonly mayAct = input(false);
  readonly busy = input(false);
  readonly complete = output<void>();

  protected readonly left = computed(() =>
    countdown(this.dueAt(), this.now(), this.translate.getCurrentLang() ?? 'zh-CN'),
  );
}
