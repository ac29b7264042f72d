import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { TaskChainDto } from '@worksite/shared-domain';
import { StatusBadgeComponent, WorkingMinutesPipe, ZonedTimePipe } from '@worksite/web-shared-ui';

/** A task's whole chain: whom it waits for (nearest first) and who waits for it. */
@Component({
  selector: 'ws-task-chain',
  imports: [TranslatePipe, ZonedTimePipe, WorkingMinutesPipe, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section data-testid="chain-upstream">
      <h3>{{ 'agency.upstream' | translate }}</h3>
      @for (item of chain().upstream; track item.taskId) {
        <div class="item" [style.padding-left.rem]="(item.depth - 1) * 1.2">
          <strong>{{ item.title }}</strong>
          <span class="who">{{ item.departmentName }}{{ item.crewName ? ' · ' + item.crewName : '' }}</span>
          <ws-status-badge [status]="item.status" />
          <span>{{ 'agency.expectedFinish' | translate }} {{ item.expectedFinish | wsTime: zone() }}</span>
          @if (item.link.driving) {
            <span class="driving">{{ 'agency.driving' | translate }}</span>
          }
          @if (item.critical) {
            <span class="critical">{{ 'gantt.critical' | translate }}</span>
          }
        </div>
      } @empty {
        <p class="none">{{ 'agency.waitsForNothing' | translate }}</p>
      }
    </section>
    <section data-testid="chain-downstream">
      <h3>{{ 'agency.downstream' | translate }}</h3>
      @for (item of chain().downstream; track item.taskId) {
        <div class="item" [style.padding-left.rem]="(item.depth - 1) * 1.2">
          <strong>{{ item.title }}</strong>
          <span class="who">{{ item.departmentName }}{{ item.crewName ? ' · ' + item.crewName : '' }}</span>
          <ws-status-badge [status]="item.status" />
          <span>{{ 'agency.expectedStart' | translate }} {{ item.expectedStart | wsTime: zone() }}</span>
          <span>{{ 'agency.float' | translate }} {{ item.totalFloatMinutes | wsMinutes }}</span>
          @if (item.critical) {
            <span class="critical">{{ 'gantt.critical' | translate }}</span>
          }
        </div>
      } @empty {
        <p class="none">{{ 'agency.nobodyWaits' | translate }}</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 1.5rem;
      padding: 0.5rem 0.5rem 0.8rem;
    }
    /* On a phone the two sides one under the other. */
    @media (max-width: 640px) {
      :host {
        grid-template-columns: 1fr;
        gap: 0.8rem;
      }
    }
    h3 {
      margin: 0 0 0.4rem;
      font-size: 0.95rem;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.6rem;
      align-items: baseline;
      font-size: 0.85rem;
      padding: 0.15rem 0;
    }
    .who,
    .none {
      color: #52606d;
    }
    .driving {
      color: #0b69a3;
      font-weight: 600;
    }
    .critical {
      color: #c92a2a;
      font-weight: 600;
    }
  `,
})
export class TaskChainComponent {
  readonly chain = input.required<TaskChainDto>();
  readonly zone = input.required<string>();
}
