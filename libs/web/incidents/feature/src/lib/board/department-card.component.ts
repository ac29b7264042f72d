import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { IncidentDepartmentStatus } from '@worksite/shared-domain';
import { TranslatePipe } from '@ngx-translate/core';
import { ZonedTimePipe } from '@worksite/web-shared-ui';
import { DepartmentCardView, SettableStatus } from '../data/board-view';
import { ElapsedPipe } from './elapsed.pipe';

/**
 * One department called in: its crew on duty, and notified → acknowledged → on site → done,
 * each with its time and the time since the report; buttons move it forward.
 */
@Component({
  selector: 'ws-department-card',
  imports: [TranslatePipe, ZonedTimePipe, ElapsedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './department-card.component.css',
  template: `
    @let department = card().department;
    <article
      data-testid="department-card"
      [attr.data-department-id]="department.departmentId"
      [attr.data-status]="department.status"
      [class.waiting]="card().waiting"
      [class.no-crew]="card().noCrew"
    >
      <header>
        <h3>{{ department.departmentName }}</h3>
        <span class="status" data-testid="department-status" [attr.data-status]="department.status">{{
          (silent() ? 'incidents.board.nobodyOnDuty' : 'incidents.departmentStatus.' + department.status) | translate
        }}</span>
      </header>
      <p class="crew">
        @if (department.crewName) {
          {{ department.crewName }}
          @if (department.crewLeader) {
            · {{ department.crewLeader }}
          }
          @if (department.crewPhone) {
            · <a [href]="'tel:' + department.crewPhone">{{ department.crewPhone }}</a>
          }
        } @else {
          <span class="ws-error">{{ 'incidents.board.noCrew' | translate }}</span>
          @if (department.dutyLeadPhone) {
            · {{ department.dutyLeadName ?? ('incidents.board.dutyLead' | translate) }}
            <a [href]="'tel:' + department.dutyLeadPhone">{{ department.dutyLeadPhone }}</a>
          }
        }
      </p>
      @if (!silent()) {
        <ol class="steps">
          @for (step of card().steps; track step.step) {
            <li [class.done]="step.at" [attr.data-step]="step.step">
              <span class="name">{{ 'incidents.step.' + step.step | translate }}</span>
              @if (step.at) {
                <span class="at">{{ step.at | wsTime: zone() : (step.otherDay ? 'datetime' : 'time') }}</span>
                <span class="since">+{{ step.sinceReport | wsElapsed }}</span>
              } @else {
                <span class="at">—</span>
              }
            </li>
          }
        </ol>
      }
      @if (department.escalatedAt) {
        <p class="escalated">
          {{ 'incidents.board.escalated' | translate: { name: department.dutyLeadName ?? '—' } }}
          {{ department.escalatedAt | wsTime: zone() : (card().escalatedOtherDay ? 'datetime' : 'time') }}
        </p>
      } @else if (card().waiting && !card().noCrew && waitingFor() !== null) {
        <p class="waiting-for">{{ 'incidents.board.waitingFor' | translate: { time: (waitingFor() | wsElapsed) } }}</p>
      }
      @if (mayAct() && card().next.length) {
        <div class="actions">
          @for (status of card().next; track status) {
            <button type="button" [attr.data-testid]="'set-' + status" [disabled]="busy()" (click)="set.emit(status)">
              {{ 'incidents.board.mark.' + status | translate }}
            </button>
          }
        </div>
      }
    </article>
  `,
})
export class DepartmentCardComponent {
  readonly card = input.required<DepartmentCardView>();
  readonly zone = input.required<string>();
  /** Milliseconds since the call-out without an acknowledgement (null: not called yet). */
  readonly waitingFor = input<number | null>(null);
  readonly mayAct = input(false);
  readonly busy = input(false);
  readonly set = output<SettableStatus>();
  /** Nobody on duty and nothing happened yet: the card says so instead of showing empty steps. */
  protected readonly silent = computed(
    () => this.card().noCrew && this.card().department.status === IncidentDepartmentStatus.Calling,
  );
}
