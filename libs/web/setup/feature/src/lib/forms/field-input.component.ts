import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { WeeklyWindowsComponent } from './weekly-windows.component';
import { FieldDef } from './form-model';

/** The input of one field, chosen by its kind; reports every change of the value. */
@Component({
  selector: 'ws-field-input',
  imports: [TranslatePipe, WeeklyWindowsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let f = field();
    @switch (f.kind) {
      @case ('select') {
        <select
          [id]="inputId()"
          [name]="f.key"
          [disabled]="disabled()"
          [attr.aria-invalid]="invalid()"
          [attr.aria-describedby]="inputId() + '-errors'"
          (change)="valueChange.emit(text($event))"
        >
          <option value="" [selected]="!value()">{{ f.placeholder ?? 'setup.choose' | translate }}</option>
          @for (option of f.options?.() ?? []; track option.value) {
            <option [value]="option.value" [selected]="option.value === value()">
              {{ option.translate ? (option.label | translate) : option.label }}
            </option>
          }
        </select>
      }
      @case ('multiselect') {
        <div class="ws-checks" role="group" [id]="inputId()" [attr.aria-invalid]="invalid()">
          @for (option of f.options?.() ?? []; track option.value) {
            <label>
              <input
                type="checkbox"
                [name]="f.key"
                [value]="option.value"
                [checked]="selected(option.value)"
                (change)="toggle(option.value)"
              />
              {{ option.translate ? (option.label | translate) : option.label }}
            </label>
          } @empty {
            <span>{{ 'common.none' | translate }}</span>
          }
        </div>
      }
      @case ('checkbox') {
        <input
          type="checkbox"
          [id]="inputId()"
          [name]="f.key"
          [checked]="!!value()"
          (change)="valueChange.emit(checked($event))"
        />
      }
      @case ('textarea') {
        <textarea
          [id]="inputId()"
          [name]="f.key"
          rows="3"
          [value]="value() ?? ''"
          [attr.aria-invalid]="invalid()"
          [attr.aria-describedby]="inputId() + '-errors'"
          (input)="valueChange.emit(text($event))"
        ></textarea>
      }
      @case ('weekly') {
        <ws-weekly-windows [inputId]="inputId()" [value]="$any(value())" (valueChange)="valueChange.emit($event)" />
      }
      @default {
        <input
          [id]="inputId()"
          [name]="f.key"
          [type]="htmlType()"
          [value]="value() ?? ''"
          [disabled]="disabled()"
          [attr.maxlength]="f.kind === 'text' ? f.max : null"
          [attr.inputmode]="f.kind === 'number' ? 'numeric' : null"
          [attr.autocomplete]="f.kind === 'password' ? 'new-password' : 'off'"
          [attr.aria-invalid]="invalid()"
          [attr.aria-describedby]="inputId() + '-errors'"
          (input)="valueChange.emit(text($event))"
        />
      }
    }
  `,
  styles: `
    .ws-checks {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 1rem;
      max-height: 10rem;
      overflow-y: auto;
    }
  `,
})
export class FieldInputComponent {
  readonly field = input.required<FieldDef>();
  readonly inputId = input.required<string>();
  readonly value = input<unknown>();
  readonly disabled = input(false);
  readonly invalid = input(false);
  readonly valueChange = output<unknown>();

  protected htmlType(): string {
    const kind = this.field().kind;
    if (kind === 'datetime') return 'datetime-local';
    if (kind === 'number') return 'text';
    return kind === 'password' || kind === 'date' || kind === 'color' ? kind : 'text';
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected selected(option: string): boolean {
    const value = this.value();
    return Array.isArray(value) && value.includes(option);
  }

  protected toggle(option: string): void {
    const value = this.value();
    const list = Array.isArray(value) ? (value as string[]) : [];
    this.valueChange.emit(list.includes(option) ? list.filter((item) => item !== option) : [...list, option]);
  }
}
