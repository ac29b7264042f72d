import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '@worksite/web-auth-data-access';
import { CrewOutbox, forgetKeptDays } from '@worksite/web-weekly-plan-data-access';

/**
 * "Log out". Leaves nothing of the crew's day on the phone (the next person to pick it up reads
 * no schedule). Reports and "收到" still waiting to be sent are the lead's work, so they are
 * never dropped unasked: the lead chooses to send them now, keep them on the phone for their
 * next login (stored under their user id, sent only under their own session), or discard them.
 */
@Component({
  selector: 'ws-logout',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="ws-logout" data-testid="logout" (click)="logout()">
      {{ 'nav.logout' | translate }}
    </button>
    @if (asking(); as a) {
      <div class="ws-dialog-backdrop">
        <div
          class="ws-dialog"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="logout-title"
          data-testid="logout-waiting"
        >
          <h2 id="logout-title">{{ 'logoutWaiting.title' | translate: { count: a.count } }}</h2>
          <p>{{ 'logoutWaiting.explain' | translate }}</p>
          @if (a.stillWaiting) {
            <p class="ws-error" role="alert" data-testid="logout-still-waiting">
              {{ 'logoutWaiting.stillWaiting' | translate: { count: a.count } }}
            </p>
          }
          <button
            type="button"
            class="primary"
            data-testid="logout-send"
            [disabled]="busy()"
            (click)="sendNow(a.userId)"
          >
            {{ 'logoutWaiting.send' | translate }}
          </button>
          <button type="button" data-testid="logout-keep" [disabled]="busy()" (click)="signOut()">
            {{ 'logoutWaiting.keep' | translate }}
          </button>
          <button
            type="button"
            class="danger"
            data-testid="logout-discard"
            [disabled]="busy()"
            (click)="discard(a.userId)"
          >
            {{ 'logoutWaiting.discard' | translate }}
          </button>
          <button type="button" data-testid="logout-cancel" (click)="asking.set(null)">
            {{ 'logoutWaiting.cancel' | translate }}
          </button>
        </div>
      </div>
    }
  `,
  styles: `
    .ws-logout {
      color: #fff;
      background: transparent;
      border: 1px solid #9fb3c8;
      border-radius: 4px;
      padding: 0.15rem 0.6rem;
    }
    .ws-dialog button {
      min-height: 44px;
    }
    .primary {
      color: #fff;
      background: #1c3d5a;
      border-color: #1c3d5a;
    }
    .danger {
      color: #8d2b0b;
    }
  `,
})
export class LogoutButton {
  private readonly session = inject(SessionStore);
  private readonly outbox = inject(CrewOutbox);
  private readonly router = inject(Router);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;
  /** The question about taps still waiting; `stillWaiting` after a "send now" that could not send all. */
  protected readonly asking = signal<{ userId: string; count: number; stillWaiting: boolean } | null>(null);
  protected readonly busy = signal(false);

  protected async logout(): Promise<void> {
    const user = this.session.user();
    const count = user ? this.outbox.waitingFor(user.id) : 0;
    if (user && count > 0) this.asking.set({ userId: user.id, count, stillWaiting: false });
    else await this.signOut();
  }

  protected async sendNow(userId: string): Promise<void> {
    this.busy.set(true);
    try {
      const count = await this.outbox.sendNow(userId);
      if (count === 0) await this.signOut();
      else this.asking.set({ userId, count, stillWaiting: true });
    } finally {
      this.busy.set(false);
    }
  }

  protected async discard(userId: string): Promise<void> {
    this.outbox.discard(userId);
    await this.signOut();
  }

  /** Ends the session, leaves the page (its store stops keeping), then forgets what the phone kept. */
  protected async signOut(): Promise<void> {
    this.asking.set(null);
    try {
      await this.session.logout();
      await this.router.navigateByUrl('/login');
    } finally {
      this.outbox.close();
      forgetKeptDays(this.storage, null);
    }
  }
}
