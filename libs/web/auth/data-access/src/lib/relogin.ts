import { inject, Injectable, signal } from '@angular/core';
import { Observable, Subject } from 'rxjs';
import { SessionStore } from './session.store';

/** Why the login dialog was closed without signing in. */
export class ReloginCancelled extends Error {
  constructor() {
    super('login cancelled');
  }
}

/**
 * "Nothing typed is lost": when the session ends under an open page (the refresh fails), the
 * requests that met the 401 wait here while a login dialog asks for the password over the page;
 * once the user signs in again they are sent again with the new token. Cancelling fails them.
 */
@Injectable({ providedIn: 'root' })
export class ReloginPrompt {
  private readonly session = inject(SessionStore);
  private waiting: Subject<string> | null = null;

  /** The user whose session ended while the dialog is open; null when it is closed. */
  readonly asking = signal<{ username: string } | null>(null);

  /** Opens the dialog (once for all waiting requests); emits the new access token after the login. */
  waitForLogin(username: string): Observable<string> {
    if (!this.waiting) {
      this.waiting = new Subject<string>();
      this.asking.set({ username });
    }
    return this.waiting.asObservable();
  }

  /** Signs in from the dialog; rejects (dialog stays open) on wrong credentials. */
  async submit(username: string, password: string): Promise<void> {
    await this.session.login(username, password);
    const token = this.session.accessToken() as string;
    const waiting = this.waiting;
    this.waiting = null;
    this.asking.set(null);
    waiting?.next(token);
    waiting?.complete();
  }

  cancel(): void {
    const waiting = this.waiting;
    this.waiting = null;
    this.asking.set(null);
    waiting?.error(new ReloginCancelled());
  }
}
