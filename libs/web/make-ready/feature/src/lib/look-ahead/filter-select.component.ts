import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** A labelled select, with an "all" choice first unless `allLabel` is null: one filter of the look-ahead. */
@Component({
  selector: 'ws-filter-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label>
      {{ label() }}
      <select (change)="picked.emit($any($event.target).value)" [attr.data-testid]="testId()">
        @if (allLabel() !== null) {
          <option value="" [selected]="!value()">{{ allLabel() }}</option>
        }
        @for (o of options(); track o.id) {
          <option [value]="o.id" [selected]="o.id === value()">{{ o.label }}</option>
        }
      </select>
    </label>
  `,
  styles: `
    label {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      font-size: 0.85rem;
      color: #3e4c59;
    }
    select {
      font: inherit;
      padding: 0.25rem 0.4rem;
      max-width: 16rem;
    }
    @media (max-width: 600px) {
      select {
        max-width: none;
        width: 100%;
      }
    }
  `,
})
export class FilterSelectComponent {
  readonly label = input.required<string>();
  /** The first choice, meaning no filter; null: none (a choice is always made). */
  readonly allLabel = input.required<string | null>();
  readonly options = input.required<readonly { id: string; label: string }[]>();
  readonly value = input('');
  readonly testId = input('');
  readonly picked = output<string>();
}
