import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { ConstraintLineComponent } from './constraint-line.component';

/**
 * What a not-ready task waits for: its open constraints as a list of constraint lines, under the
 * task in the day plan and on the crew lead's phone. Nothing when there is none.
 */
@Component({
  selector: 'ws-open-constraints',
  imports: [TranslatePipe, ConstraintLineComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (constraints().length) {
      <ul [attr.aria-label]="'makeReady.dayPlan.openConstraints' | translate" data-testid="open-constraints">
        @for (c of constraints(); track c.id) {
          <li><ws-constraint-line [constraint]="c" [today]="today()" [zone]="zone()" /></li>
        }
      </ul>
    }
  `,
  styles: `
    ul {
      margin: 0.2rem 0;
      padding-left: 1rem;
      font-weight: 400;
    }
  `,
})
export class OpenConstraintsComponent {
  readonly constraints = input.required<readonly MakeReadyConstraintDto[]>();
  /** Today as a local date in the project's zone (what "overdue" compares with). */
  readonly today = input.required<string>();
  readonly zone = input('Asia/Shanghai');
}
