import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { FieldError } from './form-model';

/** The problems of one field, under it: the browser's own checks and the API's 400 problems. */
@Component({
  selector: 'ws-field-errors',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (errors().length) {
      <ul class="ws-field-errors" [id]="fieldId() + '-errors'" data-testid="field-errors">
        @for (error of errors(); track $index) {
          <li>
            @if ('text' in error) {
              {{ error.text }}
            } @else {
              {{ error.key | translate: error.params }}
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .ws-field-errors {
      margin: 0.2rem 0 0;
      padding: 0;
      list-style: none;
      color: #b42318;
      font-size: 0.85rem;
    }
  `,
})
export class FieldErrorsComponent {
  readonly errors = input.required<FieldError[]>();
  readonly fieldId = input.required<string>();
}
