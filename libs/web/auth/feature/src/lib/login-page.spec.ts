import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { LoginPage } from './login-page';

function tokens(role: string, projectIds: string[] = []) {
  return {
    accessToken: 't',
    tokenType: 'Bearer',
    expiresIn: 900,
    refreshToken: 'r',
    user: {
      id: 'u',
      username: 'x',
      displayName: 'X',
      role,
      language: 'zh-CN',
      departmentId: null,
      crewIds: [],
      projectIds,
    },
  };
}

describe('LoginPage', () => {
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  async function fill(returnUrl?: string) {
    const fixture = TestBed.createComponent(LoginPage);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const set = (name: string, value: string) => {
      const input = el.querySelector(`input[name=${name}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('username', ' wangjianguo ');
    set('password', 'demo-contractor-2026');
    (el.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    return { fixture, el };
  }

  it("signs in and opens the role's own view", async () => {
    const { fixture } = await fill();
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ username: 'wangjianguo', password: 'demo-contractor-2026' });
    request.flush(tokens('contractor'));
    await fixture.whenStable();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/crew');
  });

  it('returns to the page the user wanted, but never to another site', async () => {
    const first = await fill('/projects/p1/day-plan');
    http.expectOne('/api/auth/login').flush(tokens('coordinator', ['p1']));
    await first.fixture.whenStable();
    expect(router.navigateByUrl).toHaveBeenLastCalledWith('/projects/p1/day-plan');

    const second = await fill('//evil.example/x');
    http.expectOne('/api/auth/login').flush(tokens('coordinator', ['p1']));
    await second.fixture.whenStable();
    expect(router.navigateByUrl).toHaveBeenLastCalledWith('/projects/p1/gantt');
  });

  it('says the credentials are wrong on a 401 and clears the password', async () => {
    const { fixture, el } = await fill();
    http
      .expectOne('/api/auth/login')
      .flush({ statusCode: 401, code: 'invalid_credentials', message: 'Wrong' }, { status: 401, statusText: 'x' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=login-error]')?.textContent).toContain('login.wrong');
    expect((el.querySelector('input[name=password]') as HTMLInputElement).value).toBe('');
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it("shows the server's message when the account is locked", async () => {
    const { fixture, el } = await fill();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, code: 'too_many_attempts', message: 'Too many failed logins' },
        { status: 429, statusText: 'x' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Too many failed logins');
  });
});
