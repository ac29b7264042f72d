import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output } from '@angular/core';

/** One choice of a multi-select. */
export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

/**
 * A compact multi-select: a button that opens a list of checkboxes. Closes on Escape and
 * on a click elsewhere; the summary says how many are chosen.
 */
@Component({
  selector: 'ws-filter-multi',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:pointerdown)': 'closeOutside($event)',
    '(keydown.escape)': 'close(true)',
  },
  template: `
    <details #details [attr.data-testid]="testId()">
      <summary [class.set]="selected().length > 0">
        {{ label() }}
        @if (selected().length > 0) {
          <span class="count">{{ selected().length }}</span>
        }
      </summary>
      <div class="list" role="group" [attr.aria-label]="label()">
        @for (option of options(); track option.value) {
          <label>
            <input
              type="checkbox"
              [value]="option.value"
              [checked]="chosen().has(option.value)"
              (change)="toggle(option.value, $any($event.target).checked)"
            />
            {{ option.label }}
          </label>
        } @empty {
          <span class="empty">—</span>
        }
      </div>
    </details>
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
    }
    summary {
      cursor: pointer;
      list-style: none;
      padding: 0.2rem 0.5rem;
      border: 1px solid #cbd2d9;
      border-radius: 4px;
      background: #fff;
      white-space: nowrap;
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary::after {
      content: ' ▾';
      color: #7b8794;
    }
    summary.set {
      border-color: #1c7ed6;
      color: #1c5fa8;
    }
    .count {
      display: inline-block;
      margin-left: 0.3rem;
      padding: 0 0.35rem;
      border-radius: 0.6rem;
      background: #1c7ed6;
      color: #fff;
      font-size: 0.75rem;
    }
    .list {
      position: absolute;
      z-index: 20;
      top: calc(100% + 2px);
      left: 0;
      min-width: 12rem;
      max-width: min(22rem, 90vw);
      max-height: 18rem;
      overflow: auto;
      padding: 0.3rem 0;
      background: #fff;
      border: 1px solid #cbd2d9;
      border-radius: 4px;
      box-shadow: 0 4px 12px rgb(0 0 0 / 12%);
    }
    label {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      padding: 0.2rem 0.6rem;
      white-space: nowrap;
    }
    label:hover {
      background: #f0f4f8;
    }
    .empty {
      padding: 0.2rem 0.6rem;
      color: #7b8794;
    }
  `,
})
export class FilterMultiComponent {
  readonly label = input.required<string>();
  readonly options = input.required<readonly FilterOption[]>();
  readonly selected = input<readonly string[]>([]);
  readonly testId = input<string | null>(null);
  readonly selectedChange = output<string[]>();

  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  protected readonly chosen = computed(() => new Set(this.selected()));

  protected toggle(value: string, on: boolean): void {
    const next = this.selected().filter((v) => v !== value);
    if (on) next.push(value);
    this.selectedChange.emit(next);
  }

  protected closeOutside(event: Event): void {
    if (!this.host.nativeElement.contains(event.target as Node)) this.close(false);
  }

  protected close(refocus: boolean): void {
    const details = this.host.nativeElement.querySelector('details');
    if (!details?.open) return;
    details.open = false;
    if (refocus) details.querySelector('summary')?.focus();
  }
}
