import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Role } from '@worksite/shared-domain';
import { SessionStore } from './session.store';
import { tokensFor, userOf } from '../testing/session-users';

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('logs in and keeps the access token in memory only', async () => {
    const done = store.login('zhenhongbo', 'secret');
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ username: 'zhenhongbo', password: 'secret' });
    request.flush(tokensFor(userOf(Role.Coordinator), 'tok'));
    const user = await done;
    expect(user.role).toBe(Role.Coordinator);
    expect(store.status()).toBe('authenticated');
    expect(store.accessToken()).toBe('tok');
    expect(JSON.stringify(localStorage)).not.toContain('tok');
    expect(JSON.stringify(sessionStorage)).not.toContain('tok');
  });

  it('resumes the session from the refresh cookie once per page load', async () => {
    const first = store.restore();
    const second = store.restore();
    http.expectOne('/api/auth/refresh').flush(tokensFor(userOf(Role.Agency)));
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(store.user()?.role).toBe(Role.Agency);
    expect(await store.restore()).toBe(true);
  });

  it('is anonymous when there is no refresh cookie', async () => {
    const restored = store.restore();
    http
      .expectOne('/api/auth/refresh')
      .flush({ statusCode: 401, code: 'unauthorized', message: 'ended' }, { status: 401, statusText: 'Unauthorized' });
    expect(await restored).toBe(false);
    expect(store.status()).toBe('anonymous');
    expect(store.accessToken()).toBeNull();
  });

  it('logs out on the server with the current token and forgets the session', async () => {
    const login = store.login('a', 'b');
    http.expectOne('/api/auth/login').flush(tokensFor(userOf(Role.Viewer), 'tok'));
    await login;
    const out = store.logout();
    const request = http.expectOne('/api/auth/logout');
    expect(request.request.headers.get('authorization')).toBe('Bearer tok');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await out;
    expect(store.status()).toBe('anonymous');
    expect(store.user()).toBeNull();
    expect(localStorage.getItem('ws.session.user')).toBeNull();
  });

  const offline = () => http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'), { status: 0 });

  it('opens offline as the user who signed in last on this browser, without a token', async () => {
    const login = store.login('wangjianguo', 'p');
    http.expectOne('/api/auth/login').flush(tokensFor(userOf(Role.Contractor), 'tok'));
    await login;
    expect(localStorage.getItem('ws.session.user')).not.toContain('tok');

    // The next app start (a new page) finds no network.
    const next = TestBed.runInInjectionContext(() => new SessionStore());
    const restored = next.restore();
    offline();
    expect(await restored).toBe(true);
    expect(next.user()?.role).toBe(Role.Contractor);
    expect(next.offline()).toBe(true);
    expect(next.accessToken()).toBeNull();
  });

  it('is anonymous offline when nobody signed in on this browser, or after logout or a refused refresh', async () => {
    const restored = store.restore();
    offline();
    expect(await restored).toBe(false);
    expect(store.status()).toBe('anonymous');

    const login = store.login('a', 'b');
    http.expectOne('/api/auth/login').flush(tokensFor(userOf(Role.Contractor), 'tok'));
    await login;
    const refused = store.refresh().subscribe({ error: () => undefined });
    http
      .expectOne('/api/auth/refresh')
      .flush({ statusCode: 401, code: 'unauthorized', message: 'ended' }, { status: 401, statusText: 'Unauthorized' });
    refused.unsubscribe();
    expect(localStorage.getItem('ws.session.user')).toBeNull();
    const next = TestBed.runInInjectionContext(() => new SessionStore());
    const again = next.restore();
    offline();
    expect(await again).toBe(false);
  });
});
