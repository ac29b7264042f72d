import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { landingPath, SessionStore } from '@worksite/web-auth-data-access';

/** Why a login failed, as a translation key (or the server's own message). */
type LoginError = { key: string } | { message: string };

/** The login form; on success the user goes where they wanted to go, or to their role's view. */
@Component({
  selector: 'ws-login-page',
  imports: [ReactiveFormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './login-page.css',
  template: `
    <form class="card" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h1>{{ 'login.title' | translate }}</h1>
      <p class="tagline">{{ 'app.tagline' | translate }}</p>
      <label>
        {{ 'login.username' | translate }}
        <input formControlName="username" name="username" autocomplete="username" required />
      </label>
      <label>
        {{ 'login.password' | translate }}
        <input formControlName="password" name="password" type="password" autocomplete="current-password" required />
      </label>
      @if (error(); as error) {
        <p class="ws-error" role="alert" data-testid="login-error">
          {{ 'key' in error ? (error.key | translate) : error.message }}
        </p>
      }
      <button type="submit" [disabled]="busy()">
        {{ (busy() ? 'login.signingIn' : 'login.submit') | translate }}
      </button>
    </form>
  `,
})
export class LoginPage {
  /** Where to go after login (set by the auth guard). */
  readonly returnUrl = input<string | undefined>();
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<LoginError | null>(null);

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.error.set({ key: 'login.required' });
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const { username, password } = this.form.getRawValue();
      const user = await this.session.login(username.trim(), password);
      const target = this.returnUrl();
      // Only same-app paths: a crafted link must not send the user elsewhere.
      const safe = target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login');
      await this.router.navigateByUrl(safe ? target : landingPath(user));
    } catch (error) {
      this.error.set(describe(error));
      this.form.controls.password.reset();
    } finally {
      this.busy.set(false);
    }
  }
}

function describe(error: unknown): LoginError {
  if (!(error instanceof HttpErrorResponse)) return { key: 'login.failed' };
  if (error.status === 401) return { key: 'login.wrong' };
  if (error.status === 0) return { key: 'common.network' };
  const message = (error.error as { message?: string } | null)?.message;
  return message ? { message } : { key: 'login.failed' };
}
