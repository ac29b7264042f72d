import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ConstraintUser, MakeReadyConstraintDto, mayClearConstraint } from '@worksite/shared-make-ready';
import { ClearConstraintButtonComponent } from './clear-constraint-button.component';
import { ConstraintLineComponent } from './constraint-line.component';

/**
 * What a not-ready task waits for: its open constraints as a list of constraint lines, under the
 * task in the day plan and on the crew lead's phone. Nothing when there is none. With `user`, the
 * constraints that user may clear (a planner of the project, or the owner: mayClearConstraint)
 * get a "mark cleared" button (`clear` emits them).
 */
@Component({
  selector: 'ws-open-constraints',
  imports: [TranslatePipe, ConstraintLineComponent, ClearConstraintButtonComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (constraints().length) {
      <ul [attr.aria-label]="'makeReady.dayPlan.openConstraints' | translate" data-testid="open-constraints">
        @for (c of constraints(); track c.id) {
          <li>
            <ws-constraint-line [constraint]="c" [today]="today()" [zone]="zone()" />
            @if (mayClear(c)) {
              <ws-clear-constraint [constraint]="c" [busy]="busy() === c.id" (clear)="clear.emit($event)" />
            }
          </li>
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
  /** The signed-in user, whose right to clear each constraint decides its button; null: no buttons. */
  readonly user = input<ConstraintUser | null>(null);
  /** The constraint being marked cleared (its button waits). */
  readonly busy = input<string | null>(null);
  readonly clear = output<MakeReadyConstraintDto>();

  protected mayClear(c: MakeReadyConstraintDto): boolean {
    return mayClearConstraint(this.user(), c.projectId, c);
  }
}
