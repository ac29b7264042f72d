import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ConflictDecisionDto } from '@worksite/shared-domain';
import { ConflictDecisionLineComponent } from './conflict-decision-line.component';

/** Every decision on a clash, oldest first: who did what when, and why. */
@Component({
  selector: 'ws-conflict-history',
  imports: [TranslatePipe, ConflictDecisionLineComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries(); as entries) {
      <ol data-testid="conflict-history">
        @for (entry of entries; track entry.id) {
          <li><ws-conflict-decision-line [decision]="entry" [zone]="zone()" [titles]="titles()" /></li>
        } @empty {
          <li>{{ 'conflicts.history.none' | translate }}</li>
        }
      </ol>
    } @else {
      <p>{{ 'common.loading' | translate }}</p>
    }
  `,
  styles: `
    ol {
      margin: 0.2rem 0 0;
      padding-left: 1.2rem;
      font-size: 0.8rem;
      color: #3e4c59;
    }
    p {
      margin: 0.2rem 0;
      font-size: 0.8rem;
    }
  `,
})
export class ConflictHistoryComponent {
  /** Null while loading. */
  readonly entries = input<readonly ConflictDecisionDto[] | null>(null);
  readonly zone = input.required<string>();
  /** Task titles by id (to name the tasks whose change reopened the clash). */
  readonly titles = input<ReadonlyMap<string, string>>(new Map());
}
