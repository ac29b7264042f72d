import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { LookAheadRowDto } from '@worksite/web-make-ready-data-access';
import { locationPath, ReferenceMaps } from '@worksite/web-planning-data-access';
import { ZonedRangePipe } from '@worksite/web-shared-ui';
import { ClearConstraintButtonComponent } from '../constraints/clear-constraint-button.component';
import { ConstraintLineComponent } from '../constraints/constraint-line.component';

/** One task of the look-ahead: code, name (to the Gantt), when, who, where, ready or not, its constraints. */
@Component({
  selector: 'ws-look-ahead-row',
  imports: [TranslatePipe, RouterLink, ZonedRangePipe, ConstraintLineComponent, ClearConstraintButtonComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'look-ahead-task',
    '[attr.data-task-id]': 'row().task.id',
    '[attr.data-ready]': 'row().ready',
  },
  template: `
    @let t = row().task;
    <div class="head">
      <span class="code">#{{ t.code }}</span>
      <a class="name" [routerLink]="['/projects', projectId(), 'gantt']" [queryParams]="{ task: t.id }">{{ t.name }}</a>
      @if (row().ready) {
        <span class="state ready">{{ 'makeReady.ready' | translate }}</span>
      } @else {
        <span class="state not-ready" data-testid="look-ahead-not-ready">{{ 'makeReady.notReady' | translate }}</span>
      }
    </div>
    <div class="meta">
      <span>{{ t.plannedStart | wsRange: t.plannedFinish : zone() }}</span>
      <span>{{ who() }}</span>
      @if (place()) {
        <span>{{ place() }}</span>
      }
    </div>
    @if (row().constraints.length > 0) {
      <ul>
        @for (c of row().constraints; track c.id) {
          <li>
            <ws-constraint-line [constraint]="c" [today]="today()" [zone]="zone()" />
            @if (c.status === 'open' && mayClear()(c)) {
              <ws-clear-constraint [constraint]="c" [busy]="busy() === c.id" (clear)="clear.emit($event)" />
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 0.5rem 0.7rem;
      background: #fff;
      border: 1px solid #e4e7eb;
      border-left: 4px solid #12b76a;
      border-radius: 6px;
    }
    :host([data-ready='false']) {
      border-left-color: #f79009;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.2rem 0.5rem;
    }
    .code {
      color: #616e7c;
      font-variant-numeric: tabular-nums;
    }
    .name {
      flex: 1 1 10rem;
      font-weight: 600;
      color: inherit;
      overflow-wrap: anywhere;
    }
    .state {
      font-size: 0.75rem;
      font-weight: 600;
      padding: 0.05rem 0.4rem;
      border-radius: 999px;
    }
    .ready {
      background: #dcfae6;
      color: #085d3a;
    }
    .not-ready {
      background: #fef0c7;
      color: #93370d;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.1rem 0.8rem;
      color: #52606d;
      font-size: 0.85rem;
    }
    ul {
      margin: 0.3rem 0 0;
      padding-left: 1rem;
      display: grid;
      gap: 0.2rem;
    }
  `,
})
export class LookAheadRowComponent {
  readonly row = input.required<LookAheadRowDto>();
  readonly projectId = input.required<string>();
  readonly refs = input.required<ReferenceMaps>();
  readonly zone = input.required<string>();
  readonly today = input.required<string>();
  /** Whether the user may mark a constraint cleared here (a planner of the project, or its owner). */
  readonly mayClear = input<(c: MakeReadyConstraintDto) => boolean>(() => false);
  /** The constraint being marked cleared. */
  readonly busy = input<string | null>(null);
  readonly clear = output<MakeReadyConstraintDto>();

  protected readonly who = computed(() => {
    const { departmentId, crewId } = this.row().task;
    const refs = this.refs();
    const department = refs.departments.get(departmentId)?.name ?? '';
    const crew = (crewId && refs.crews.get(crewId)?.name) || '';
    return crew ? `${department} · ${crew}` : department;
  });
  protected readonly place = computed(() => locationPath(this.refs(), this.row().task.locationId));
}
