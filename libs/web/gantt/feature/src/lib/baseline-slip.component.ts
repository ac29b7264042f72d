import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ZonedRangePipe } from '@worksite/web-shared-ui';
import { BaselineStore } from './baseline.store';

/** In the task panel: the task in the chosen baseline, and how far its finish has slipped since. */
@Component({
  selector: 'ws-baseline-slip',
  imports: [TranslatePipe, ZonedRangePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (baselines.detail(); as detail) {
      <p class="slip" data-testid="baseline-slip" [class.late]="(slip()?.finishDays ?? 0) > 0">
        {{ 'baselines.panelTitle' | translate: { name: detail.name } }}:
        @if (slip(); as s) {
          {{ s.baseline.plannedStart | wsRange: s.baseline.plannedFinish : zone() }} ·
          @if (s.finishDays === 0) {
            {{ 'baselines.panelSame' | translate }}
          } @else if ((s.finishDays ?? 0) > 0) {
            {{ 'baselines.panelLate' | translate: { days: s.finishDays } }}
          } @else {
            {{ 'baselines.panelEarly' | translate: { days: -(s.finishDays ?? 0) } }}
          }
        } @else {
          {{ 'baselines.panelMissing' | translate }}
        }
      </p>
    }
  `,
  styles: `
    .slip {
      margin: 0;
      color: #52606d;
      font-size: 0.85rem;
    }
    .slip.late {
      color: #c92a2a;
    }
  `,
})
export class BaselineSlipComponent {
  readonly taskId = input.required<string>();
  readonly zone = input.required<string>();
  protected readonly baselines = inject(BaselineStore);
  protected readonly slip = computed(() => this.baselines.slips().get(this.taskId()) ?? null);
}
