import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
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
    >
      <header>
        <h3>{{ department.departmentName }}</h3>
        <span class="status" data-testid="department-status" [attr.data-status]="department.status">{{
          'incidents.departmentStatus.' + department.status | translate
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
        }
      </p>
      <ol class="steps">
        @for (step of card().steps; track step.step) {
          <li [class.done]="step.at" [attr.data-step]="step.step">
            <span class="name">{{ 'incidents.step.' + step.step | translate }}</span>
            @if (step.at) {
              <span class="at">{{ step.at | wsTime: zone() : 'time' }}</span>
              <span class="since">+{{ step.sinceReport | wsElapsed }}</span>
            } @else {
              <span class="at">—</span>
            }
          </li>
        }
      </ol>
      @if (department.escalatedAt) {
        <p class="escalated">
          {{ 'incidents.board.escalated' | translate: { name: department.dutyLeadName ?? '—' } }}
          {{ department.escalatedAt | wsTime: zone() : 'time' }}
        </p>
      } @else if (card().waiting && waitingFor() !== null) {
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
}
