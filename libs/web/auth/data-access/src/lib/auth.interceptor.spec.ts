import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { Role } from '@worksite/shared-domain';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { ReloginPrompt } from './relogin';
import { SessionStore, SKIP_AUTH } from './session.store';
import { tokensFor, userOf } from '../testing/session-users';

const unauthorized = { status: 401, statusText: 'Unauthorized' };
const body401 = { statusCode: 401, code: 'unauthorized', message: 'token expired' };

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let session: SessionStore;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    session = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const login = session.login('u', 'p');
    http.expectOne('/api/auth/login').flush(tokensFor(userOf(Role.Coordinator), 'old'));
    await login;
  });

  afterEach(() => http.verify());

  it('adds the bearer token to API requests only', () => {
    client.get('/api/projects').subscribe();
    client.get('/i18n/en.json').subscribe();
    expect(http.expectOne('/api/projects').request.headers.get('authorization')).toBe('Bearer old');
    expect(http.expectOne('/i18n/en.json').request.headers.has('authorization')).toBe(false);
  });

  it("sends the interface's current language with every API request, signed in or not", () => {
    client.get('/api/projects').subscribe();
    expect(http.expectOne('/api/projects').request.headers.get('accept-language')).toBe('zh-CN');
    TestBed.inject(TranslateService).use('en');
    client.get('/api/projects').subscribe();
    client.post('/api/auth/login', {}, { context: new HttpContext().set(SKIP_AUTH, true) }).subscribe();
    client.get('/i18n/en.json').subscribe();
    expect(http.expectOne('/api/projects').request.headers.get('accept-language')).toBe('en');
    expect(http.expectOne('/api/auth/login').request.headers.get('accept-language')).toBe('en');
    expect(http.expectOne('/i18n/en.json').request.headers.has('accept-language')).toBe(false);
  });

  it('refreshes once on a 401 and retries the request with the new token', async () => {
    const result = firstValueFrom(client.get<{ ok: boolean }>('/api/projects'));
    http.expectOne('/api/projects').flush(body401, unauthorized);
    http.expectOne('/api/auth/refresh').flush(tokensFor(userOf(Role.Coordinator), 'new'));
    const retry = http.expectOne('/api/projects');
    expect(retry.request.headers.get('authorization')).toBe('Bearer new');
    retry.flush({ ok: true });
    expect(await result).toEqual({ ok: true });
  });

  it('shares one refresh between concurrent 401s', async () => {
    const a = firstValueFrom(client.get('/api/a'));
    const b = firstValueFrom(client.get('/api/b'));
    http.expectOne('/api/a').flush(body401, unauthorized);
    http.expectOne('/api/b').flush(body401, unauthorized);
    http.expectOne('/api/auth/refresh').flush(tokensFor(userOf(Role.Coordinator), 'new'));
    http.expectOne('/api/a').flush(1);
    http.expectOne('/api/b').flush(2);
    expect(await Promise.all([a, b])).toEqual([1, 2]);
  });

  it('asks for the password over the page when the refresh fails, then sends the request again', async () => {
    const relogin = TestBed.inject(ReloginPrompt);
    const result = firstValueFrom(client.patch('/api/tasks/t1', { title: '改过的标题', version: 3 }));
    http.expectOne('/api/tasks/t1').flush(body401, unauthorized);
    http.expectOne('/api/auth/refresh').flush(body401, unauthorized);
    expect(relogin.asking()).toEqual({ username: userOf(Role.Coordinator).username });
    expect(router.navigate).not.toHaveBeenCalled();
    const login = relogin.submit(userOf(Role.Coordinator).username, 'p');
    http.expectOne('/api/auth/login').flush(tokensFor(userOf(Role.Coordinator), 'again'));
    await login;
    const retry = http.expectOne('/api/tasks/t1');
    expect(retry.request.headers.get('authorization')).toBe('Bearer again');
    expect(retry.request.body).toEqual({ title: '改过的标题', version: 3 });
    retry.flush({ ok: true });
    expect(await result).toEqual({ ok: true });
    expect(relogin.asking()).toBeNull();
  });

  it('keeps the dialog open on a wrong password, and sends the user to the login page on cancel', async () => {
    const relogin = TestBed.inject(ReloginPrompt);
    const result = firstValueFrom(client.get('/api/projects'));
    http.expectOne('/api/projects').flush(body401, unauthorized);
    http.expectOne('/api/auth/refresh').flush(body401, unauthorized);
    const wrong = relogin.submit('u', 'wrong');
    http.expectOne('/api/auth/login').flush(body401, unauthorized);
    await expect(wrong).rejects.toMatchObject({ status: 401 });
    expect(relogin.asking()).not.toBeNull();
    relogin.cancel();
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(session.status()).toBe('anonymous');
    expect(router.navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('retries only once: a second 401 ends the session', async () => {
    const result = firstValueFrom(client.get('/api/projects'));
    http.expectOne('/api/projects').flush(body401, unauthorized);
    http.expectOne('/api/auth/refresh').flush(tokensFor(userOf(Role.Coordinator), 'new'));
    http.expectOne('/api/projects').flush(body401, unauthorized);
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(session.status()).toBe('anonymous');
    expect(router.navigate).toHaveBeenCalledTimes(1);
  });

  it('passes other errors through untouched', async () => {
    const result = firstValueFrom(client.get('/api/projects'));
    http.expectOne('/api/projects').flush({ code: 'version_conflict' }, { status: 409, statusText: 'Conflict' });
    await expect(result).rejects.toMatchObject({ status: 409 });
    expect(session.status()).toBe('authenticated');
  });
});
