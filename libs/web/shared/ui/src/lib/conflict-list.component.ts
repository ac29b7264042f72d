import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ConflictDto } from '@worksite/shared-domain';
import { ZonedRangePipe } from './zoned-range.pipe';

/** The clashes of the plan as a list; choosing one shows its first task on the chart. */
@Component({
  selector: 'ws-conflict-list',
  imports: [TranslatePipe, ZonedRangePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failure(); as failure) {
      <p class="ws-error" role="alert">{{ 'conflicts.unavailable' | translate }}: {{ failure }}</p>
    } @else if (conflicts().length === 0) {
      <p>{{ 'conflicts.none' | translate }}</p>
    } @else {
      <ul>
        @for (c of conflicts(); track c.key) {
          <li data-testid="conflict">
            <button type="button" (click)="pick.emit(c)">
              <strong>{{ 'conflicts.kind.' + c.kind | translate }}</strong>
              <span class="when">{{ c.start | wsRange: c.finish : zone() }}</span>
              <span>{{ c.taskTitles.join('、') }}</span>
              @if (c.locationName) {
                <span class="where">{{ c.locationName }}</span>
              }
              @if (c.crewName) {
                <span class="where">{{ c.crewName }}</span>
              }
            </button>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      overflow-y: auto;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li + li {
      border-top: 1px solid #f0f2f5;
    }
    button {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.6rem;
      width: 100%;
      padding: 0.4rem 0.6rem;
      text-align: left;
      font: inherit;
      font-size: 0.85rem;
      background: none;
      border: 0;
    }
    button:hover {
      background: #fff5f5;
    }
    strong {
      color: #c92a2a;
    }
    .when,
    .where {
      color: #52606d;
    }
  `,
})
export class ConflictListComponent {
  readonly conflicts = input.required<readonly ConflictDto[]>();
  readonly zone = input.required<string>();
  /** Set when the conflicts could not be loaded. */
  readonly failure = input<string | null>(null);
  readonly pick = output<ConflictDto>();
}
