import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { WriteResult } from '../data/resource-store';

/** Delete after a question; a refusal (409 still in use, 403 for administrators only) shown in words. */
@Component({
  selector: 'ws-delete-button',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (asking()) {
      <span
        role="alertdialog"
        class="ws-confirm"
        [attr.aria-label]="'setup.confirmDelete' | translate: { title: title() }"
      >
        {{ 'setup.confirmDelete' | translate: { title: title() } }}
        <button type="button" class="ws-danger" (click)="confirm()" data-testid="confirm-delete">
          {{ 'setup.yesDelete' | translate }}
        </button>
        <button type="button" (click)="asking.set(false)">{{ 'setup.keep' | translate }}</button>
      </span>
    } @else {
      <button type="button" (click)="asking.set(true); refusal.set(null)" data-testid="delete">
        {{ 'setup.delete' | translate }}
      </button>
    }
    @if (refusal(); as text) {
      <span role="alert" class="ws-error" data-testid="delete-refused">{{ text }}</span>
    }
  `,
  styles: `
    .ws-danger {
      background: #b42318;
      color: #fff;
      border: 0;
      border-radius: 4px;
      padding: 0.2rem 0.6rem;
    }
    .ws-error {
      display: block;
    }
  `,
})
export class DeleteButtonComponent {
  readonly title = input.required<string>();
  readonly remove = input.required<() => Promise<WriteResult<void>>>();
  protected readonly asking = signal(false);
  protected readonly refusal = signal<string | null>(null);

  protected async confirm(): Promise<void> {
    this.asking.set(false);
    const result = await this.remove()();
    if (!result.ok) this.refusal.set(result.failure.message);
  }
}
