import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, ElementRef, inject, signal, viewChild } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ReloginPrompt } from '@worksite/web-auth-data-access';

/**
 * The login dialog over the page when the session has ended: the user signs in again where they
 * are, and the saves that met the expired session are sent again (see ReloginPrompt).
 */
@Component({
  selector: 'ws-relogin-dialog',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (prompt.asking(); as asking) {
      <div class="ws-dialog-backdrop">
        <form
          class="ws-dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="relogin-title"
          data-testid="relogin-dialog"
          (submit)="$event.preventDefault(); submit(asking.username)"
        >
          <h2 id="relogin-title">{{ 'relogin.title' | translate }}</h2>
          <p>{{ 'relogin.explain' | translate }}</p>
          <label>
            {{ 'login.username' | translate }}
            <input name="username" [value]="asking.username" readonly autocomplete="username" />
          </label>
          <label>
            {{ 'login.password' | translate }}
            <input
              #password
              name="password"
              type="password"
              required
              autocomplete="current-password"
              data-testid="relogin-password"
              [value]="secret()"
              (input)="secret.set($any($event.target).value)"
            />
          </label>
          @if (error(); as error) {
            <p class="ws-error" role="alert" data-testid="relogin-error">{{ error | translate }}</p>
          }
          <div class="actions">
            <button type="submit" data-testid="relogin-submit" [disabled]="busy() || !secret()">
              {{ (busy() ? 'login.signingIn' : 'relogin.submit') | translate }}
            </button>
            <button type="button" (click)="prompt.cancel()">{{ 'relogin.cancel' | translate }}</button>
          </div>
        </form>
      </div>
    }
  `,
  styles: `
    label {
      display: grid;
      gap: 4px;
    }
    input[readonly] {
      background: #f1f3f5;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
})
export class ReloginDialog {
  protected readonly prompt = inject(ReloginPrompt);
  protected readonly secret = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('password');

  constructor() {
    // Focus the password when the dialog opens.
    effect(() => this.passwordInput()?.nativeElement.focus());
  }

  protected async submit(username: string): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.prompt.submit(username, this.secret());
      this.secret.set('');
    } catch (error) {
      this.error.set(
        error instanceof HttpErrorResponse && error.status === 401
          ? 'login.wrong'
          : error instanceof HttpErrorResponse && error.status === 0
            ? 'common.network'
            : 'login.failed',
      );
    } finally {
      this.busy.set(false);
    }
  }
}
