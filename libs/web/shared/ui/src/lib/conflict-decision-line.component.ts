import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ConflictDecisionDto } from '@worksite/shared-domain';
import { ZonedTimePipe } from './zoned-time.pipe';

/**
 * One decision in words: "已接受 · 甄鸿波 12月3日 15:00：两家运营商…", "已上报给 沈阳水务集团",
 * "任务变更后自动重新打开：…", "已解决（张三 12月3日 10:00 修改了 plannedStart）".
 */
@Component({
  selector: 'ws-conflict-decision-line',
  imports: [TranslatePipe, ZonedTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = decision();
    @if (showAction()) {
      <span class="what">{{ 'conflicts.did.' + (automatic() ? 'autoReopen' : d.action) | translate }}</span>
    }
    @if (d.assigneeName) {
      <span data-testid="conflict-assignee-name">{{ 'conflicts.to' | translate }} {{ d.assigneeName }}</span>
    }
    <span class="who">
      {{ automatic() ? ('conflicts.system' | translate) : d.decidedByName }}
      {{ d.decidedAt | wsTime: zone() : 'datetime' }}
    </span>
    @if (d.reason) {
      <q class="why">{{ d.reason }}</q>
    }
    @if (changed(); as changed) {
      <span class="why">{{ 'conflicts.changedTasks' | translate: { tasks: changed } }}</span>
    }
    @if (d.edit; as edit) {
      <span class="why">
        {{ 'conflicts.edit' | translate: { who: edit.actorName, fields: edit.fields.join('、') } }}
        {{ edit.at | wsTime: zone() : 'datetime' }}
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0 0.4rem;
    }
    .what {
      font-weight: 600;
    }
    q {
      quotes: '“' '”';
    }
    .who {
      color: #616e7c;
    }
  `,
})
export class ConflictDecisionLineComponent {
  readonly decision = input.required<ConflictDecisionDto>();
  readonly zone = input.required<string>();
  readonly titles = input<ReadonlyMap<string, string>>(new Map());
  /** Whether to say what was done (the list shows it as the state instead). */
  readonly showAction = input(true);
  /** Reopened by the system because a task changed (not by hand). */
  protected readonly automatic = computed(
    () =>
      this.decision().action === 'reopen' &&
      this.decision().decidedById === null &&
      this.decision().changedTaskIds.length > 0,
  );
  protected readonly changed = computed(() =>
    this.decision()
      .changedTaskIds.map((id) => this.titles().get(id) ?? id)
      .join('、'),
  );
}
