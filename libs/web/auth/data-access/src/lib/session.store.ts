import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { finalize, firstValueFrom, map, Observable, share, tap } from 'rxjs';
import { SessionStatus, SessionUser, TokenResponseDto } from './session.types';

/** Marks the session's own requests, which the auth interceptor must leave alone. */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);
const OWN = () => ({ context: new HttpContext().set(SKIP_AUTH, true) });

/**
 * The session of this browser tab. The access token lives only in memory (never in storage,
 * so an injected script cannot read it after a reload); the refresh token is an HttpOnly
 * cookie the browser sends to /api/auth, used on app start and when a request gets a 401.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
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
      () => false,
    );
    return this.restoring;
  }

  /** A new access token from the refresh cookie; concurrent callers share one request. */
  refresh(): Observable<string> {
    this.refreshing ??= this.http.post<TokenResponseDto>('/api/auth/refresh', {}, OWN()).pipe(
      tap({ next: (response) => this.accept(response), error: () => this.end() }),
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
    this.state.set({ status: 'anonymous', user: null });
  }

  private accept(response: TokenResponseDto): SessionUser {
    this.token = response.accessToken;
    this.state.set({ status: 'authenticated', user: response.user });
    return response.user;
  }
}
