import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { IncidentClashDto } from '@worksite/shared-domain';
import { ZonedRangePipe } from '@worksite/web-shared-ui';

/** Planned work the incident clashes with (the on-duty crew's bookings, work at the same place), linked to its Gantt. */
@Component({
  selector: 'ws-incident-clashes',
  imports: [RouterLink, TranslatePipe, ZonedRangePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul data-testid="incident-clashes">
      @for (clash of clashes(); track clash.taskId + clash.reason) {
        <li data-testid="incident-clash">
          <a [routerLink]="['/projects', clash.projectId, 'gantt']" [queryParams]="{ task: clash.taskId }">{{
            clash.taskTitle
          }}</a>
          <span class="reason">{{ 'incidents.board.clashReason.' + clash.reason | translate }}</span>
          <span class="meta">
            {{ clash.start | wsRange: clash.finish : zone() : 'datetime' }}
            @if (clash.crewName) {
              · {{ clash.crewName }}
            }
            @if (clash.locationName) {
              · {{ clash.locationName }}
            }
          </span>
        </li>
      } @empty {
        <li class="none">{{ 'incidents.board.noClashes' | translate }}</li>
      }
    </ul>
  `,
  styles: `
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      font-size: 0.9rem;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.1rem 0.6rem;
      padding: 0.3rem 0;
      border-bottom: 1px solid #e4e7eb;
    }
    .reason {
      padding: 0 0.45em;
      border-radius: 0.6em;
      background: #fff3c4;
      color: #8d2b0b;
      font-size: 0.8rem;
    }
    .meta {
      flex-basis: 100%;
      color: #52606d;
    }
    .none {
      color: #52606d;
      border: 0;
    }
  `,
})
export class IncidentClashesComponent {
  readonly clashes = input.required<IncidentClashDto[]>();
  readonly zone = input.required<string>();
}
