import { DOCUMENT } from '@angular/common';
import { HttpClient, HttpContext, HttpContextToken, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { finalize, firstValueFrom, map, Observable, share, tap } from 'rxjs';
import { SessionStatus, SessionUser, TokenResponseDto } from './session.types';

/** Marks the session's own requests, which the auth interceptor must leave alone. */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);
const OWN = () => ({ context: new HttpContext().set(SKIP_AUTH, true) });
/** Who last signed in on this browser (no token): an offline start resumes as them. */
const REMEMBERED_USER = 'ws.session.user';

/**
 * The session of this browser tab. The access token lives only in memory (never in storage,
 * so an injected script cannot read it after a reload); the refresh token is an HttpOnly
 * cookie the browser sends to /api/auth, used on app start and when a request gets a 401.
 * Who is signed in (the user, never a token) is remembered in localStorage until logout or a
 * refused refresh: an app opened without network (a crew lead's phone in a trench) resumes as
 * that user without a token — `offline` is true — and shows what the pages kept on the phone;
 * its first request once back online meets a 401 and refreshes from the cookie as usual.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;
  private readonly state = signal<{ status: SessionStatus; user: SessionUser | null }>({
    status: 'unknown',
    user: null,
  });
  private token: string | null = null;
  private refreshing: Observable<string> | null = null;
  private restoring: Promise<boolean> | null = null;

  readonly status = computed(() => this.state().status);
  readonly user = computed(() => this.state().user);
  readonly role = computed(() => this.state().user?.role ?? null);
  /** Resumed without the server (no network at app start): no token until a refresh succeeds. */
  readonly offline = signal(false);

  accessToken(): string | null {
    return this.token;
  }

  async login(username: string, password: string): Promise<SessionUser> {
    const response = await firstValueFrom(
      this.http.post<TokenResponseDto>('/api/auth/login', { username, password }, OWN()),
    );
    return this.accept(response);
  }

  /**
   * Resumes the session from the refresh cookie once per page load (guards await it);
   * resolves false when there is none.
   */
  restore(): Promise<boolean> {
    if (this.state().status !== 'unknown') return Promise.resolve(this.state().status === 'authenticated');
    this.restoring ??= firstValueFrom(this.refresh()).then(
      () => true,
      (error: unknown) => this.resumeOffline(error),
    );
    return this.restoring;
  }

  /** A new access token from the refresh cookie; concurrent callers share one request. */
  refresh(): Observable<string> {
    this.refreshing ??= this.http.post<TokenResponseDto>('/api/auth/refresh', {}, OWN()).pipe(
      // No answer (offline) says nothing about the session: it is kept.
      tap({ next: (response) => this.accept(response), error: (error) => isNetworkError(error) || this.end() }),
      map((response) => response.accessToken),
      finalize(() => (this.refreshing = null)),
      share(),
    );
    return this.refreshing;
  }

  /** Ends the session on the server (the refresh cookie is cleared) and here. */
  async logout(): Promise<void> {
    const token = this.token;
    this.end();
    if (!token) return;
    await firstValueFrom(
      this.http.post<void>('/api/auth/logout', {}, { ...OWN(), headers: { authorization: `Bearer ${token}` } }),
    ).catch(() => undefined);
  }

  /** Forgets the session locally (refresh failed: the user must log in again). */
  end(): void {
    this.token = null;
    this.offline.set(false);
    this.state.set({ status: 'anonymous', user: null });
    this.remember(null);
  }

  private accept(response: TokenResponseDto): SessionUser {
    this.token = response.accessToken;
    this.offline.set(false);
    this.state.set({ status: 'authenticated', user: response.user });
    this.remember(response.user);
    return response.user;
  }

  /** The app started without network: the user who signed in last on this browser, else anonymous. */
  private resumeOffline(error: unknown): boolean {
    const user = isNetworkError(error) ? this.remembered() : null;
    if (!user) {
      this.end();
      return false;
    }
    this.offline.set(true);
    this.state.set({ status: 'authenticated', user });
    return true;
  }

  private remember(user: SessionUser | null): void {
    try {
      if (user) this.storage?.setItem(REMEMBERED_USER, JSON.stringify(user));
      else this.storage?.removeItem(REMEMBERED_USER);
    } catch {
      // Storage full or denied (private mode): an offline start then goes to the login page.
    }
  }

  private remembered(): SessionUser | null {
    try {
      const user = JSON.parse(this.storage?.getItem(REMEMBERED_USER) ?? 'null') as SessionUser | null;
      return user && typeof user.id === 'string' && Array.isArray(user.crewIds) ? user : null;
    } catch {
      return null;
    }
  }
}

/** No answer (offline, or a proxy that cannot reach the api), as opposed to the server refusing. */
function isNetworkError(error: unknown): boolean {
  return error instanceof HttpErrorResponse && [0, 502, 503, 504].includes(error.status);
}
