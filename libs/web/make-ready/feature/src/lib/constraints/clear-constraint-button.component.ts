import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';

/**
 * "标记已解决" on an open constraint, where its owner or a planner reads it (the crew's phone, the
 * agency's blocks, the look-ahead); it waits while `busy`. The page does the clear.
 */
@Component({
  selector: 'ws-clear-constraint',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" data-testid="constraint-clear" [disabled]="busy()" (click)="clear.emit(constraint())">
      {{ 'makeReady.clear' | translate }}
    </button>
  `,
  styles: `
    button {
      margin: 0.25rem 0 0.4rem;
      min-height: 2.5rem;
      padding: 0 0.9rem;
    }
  `,
})
export class ClearConstraintButtonComponent {
  readonly constraint = input.required<MakeReadyConstraintDto>();
  readonly busy = input(false);
  readonly clear = output<MakeReadyConstraintDto>();
}
