import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ResourceStore } from '../data/resource-store';
import { UserRow } from '../data/setup.types';
import { EntityFormComponent } from '../forms/entity-form.component';
import { FieldDef } from '../forms/form-model';

/** One account's password reset (the policy's rule shown first) and its deactivation or reactivation. */
@Component({
  selector: 'ws-user-account',
  imports: [TranslatePipe, EntityFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ws-panel" data-testid="user-account">
      <h2>
        {{ 'setup.users.accountOf' | translate: { user: user().displayName } }}
        <button type="button" (click)="closed.emit()">{{ 'common.close' | translate }}</button>
      </h2>
      @if (resetting()) {
        <ws-entity-form
          [fields]="[passwordField()]"
          [store]="store()"
          [record]="user()"
          noun="setup.users.newPassword"
          testId="password-form"
          (saved)="done('setup.users.passwordSet', $event)"
          (cancelled)="resetting.set(false)"
        />
      } @else {
        <button type="button" (click)="resetting.set(true); message.set(null)" data-testid="reset-password">
          {{ 'setup.users.resetPassword' | translate }}
        </button>
      }
      <button type="button" (click)="toggleActive()" [disabled]="busy()" data-testid="toggle-active">
        {{ (user().active ? 'setup.users.deactivate' : 'setup.users.activate') | translate }}
      </button>
      @if (message(); as text) {
        <p role="status" data-testid="account-message">{{ text | translate }}</p>
      }
      @if (refusal(); as text) {
        <p role="alert" class="ws-error" data-testid="account-refused">{{ text }}</p>
      }
    </section>
  `,
})
export class UserAccountComponent {
  readonly user = input.required<UserRow>();
  readonly store = input.required<ResourceStore<UserRow>>();
  readonly passwordField = input.required<FieldDef>();
  readonly closed = output<void>();
  /** The account as stored after a change (its new version). */
  readonly changed = output<UserRow>();
  protected readonly resetting = signal(false);
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly refusal = signal<string | null>(null);

  protected done(message: string, user: UserRow): void {
    this.resetting.set(false);
    this.message.set(message);
    this.changed.emit(user);
  }

  /** Deactivating ends the user's sessions; the last active administrator stays (the API's 409, in words). */
  protected async toggleActive(): Promise<void> {
    const user = this.user();
    this.busy.set(true);
    this.refusal.set(null);
    const result = await this.store().update(user.id, { active: !user.active, version: user.version });
    this.busy.set(false);
    if (result.ok) this.done(result.value.active ? 'setup.users.activated' : 'setup.users.deactivated', result.value);
    else this.refusal.set(result.failure.message);
  }
}
