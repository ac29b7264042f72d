import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { StatusBadgeComponent, ZonedRangePipe } from '@worksite/web-shared-ui';
import { ConstraintUser, MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { OpenConstraintsComponent } from '@worksite/web-make-ready-feature';
import { localDateOf } from '@worksite/shared-util-time';
import { DayTask } from './day-plan-groups';

/** The tasks of one group of the day plan: time, what, where, who, materials and tools, clashes. */
@Component({
  selector: 'ws-day-tasks',
  imports: [TranslatePipe, RouterLink, ZonedRangePipe, StatusBadgeComponent, OpenConstraintsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="ws-table">
      <tbody>
        @for (item of tasks(); track item.task.id) {
          @let t = item.task;
          @let open = blockers().get(t.id);
          <tr data-testid="day-task" [class.clash]="item.conflicts.length > 0" [class.not-ready]="!!open?.length">
            <td class="time">
              {{ t.plannedStart | wsRange: t.plannedFinish : zone() : 'time' : day() }}
            </td>
            <td>
              <div class="title">
                <a [routerLink]="['/projects', t.projectId, 'gantt']" [queryParams]="{ task: t.id, zoom: 'hour' }">{{
                  t.title
                }}</a>
                <ws-status-badge [status]="t.status" [notReady]="!!open?.length" />
              </div>
              <div class="meta">
                {{ showCrew() ? item.department + (item.crewName ? ' · ' + item.crewName : '') : item.location }}
              </div>
              @if (t.content) {
                <div class="content">{{ t.content }}</div>
              }
              @if (t.materials.length) {
                <div class="kit">
                  <span class="label">{{ 'crew.materials' | translate }}</span>
                  @for (m of t.materials; track $index) {
                    <span
                      >{{ m.name }}
                      @if (m.quantity !== undefined) {
                        ×{{ m.quantity }}{{ m.unit ?? '' }}
                      }
                    </span>
                  }
                </div>
              }
              @if (t.tools.length) {
                <div class="kit">
                  <span class="label">{{ 'crew.tools' | translate }}</span>
                  <span>{{ t.tools.join('、') }}</span>
                </div>
              }
              @if (t.interruptionKind) {
                <div class="cut">
                  {{ 'interruption.' + t.interruptionKind | translate }}
                  {{ t.interruptionStartsAt | wsRange: t.interruptionEndsAt : zone() : 'time' : day() }}
                </div>
              }
              @if (open) {
                <ws-open-constraints
                  [constraints]="open"
                  [today]="today()"
                  [zone]="zone()"
                  [user]="user()"
                  [busy]="clearing()"
                  (clear)="clearConstraint.emit($event)"
                />
              }
              @for (kind of item.conflicts; track kind) {
                <div class="conflict">! {{ 'conflicts.kind.' + kind | translate }}</div>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .time {
      width: 7.5rem;
      vertical-align: top;
      font-variant-numeric: tabular-nums;
    }
    .meta {
      color: #52606d;
      font-size: 0.85rem;
    }
    .title {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.5rem;
      align-items: baseline;
      font-weight: 600;
    }
    .title a {
      color: inherit;
    }
    .kit {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.6rem;
      font-size: 0.85rem;
    }
    .label {
      color: #52606d;
    }
    .cut {
      color: #8d2b0b;
      font-size: 0.85rem;
    }
    .conflict {
      color: #c92a2a;
      font-size: 0.85rem;
    }
    tr.not-ready > td:first-child {
      border-left: 3px solid #f79009;
    }
    tr.clash > td:first-child {
      border-left: 3px solid #c92a2a;
    }
  `,
})
export class DayTasksComponent {
  readonly tasks = input.required<readonly DayTask[]>();
  readonly zone = input.required<string>();
  /** The plan's local date: times of that day show without a date, anything else with its dates. */
  readonly day = input<string>();
  /** Grouped by location: name the department and crew; grouped by crew: name the location. */
  readonly showCrew = input(false);
  /** Open make-ready constraints of the day's not-ready tasks, by task id. */
  readonly blockers = input<ReadonlyMap<string, readonly MakeReadyConstraintDto[]>>(new Map());
  /** The signed-in user (a planner or an owner may mark a constraint cleared), the one being cleared. */
  readonly user = input<ConstraintUser | null>(null);
  readonly clearing = input<string | null>(null);
  readonly clearConstraint = output<MakeReadyConstraintDto>();
  protected readonly today = computed(() => localDateOf(Date.now(), this.zone()));
}
