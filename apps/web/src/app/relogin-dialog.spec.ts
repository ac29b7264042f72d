import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { ReloginPrompt } from '@worksite/web-auth-data-access';
import { ReloginDialog } from './relogin-dialog';

const user = {
  id: 'u',
  username: 'coord',
  displayName: '甄鸿波',
  role: 'coordinator',
  language: 'zh-CN',
  departmentId: null,
  crewIds: [],
  projectIds: [],
};

describe('ReloginDialog', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [ReloginDialog],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateService({ lang: 'zh-CN' })],
    }).compileComponents();
  });

  it('opens over the page for the expired user, says a wrong password, and hands the new token on', async () => {
    const fixture = TestBed.createComponent(ReloginDialog);
    const http = TestBed.inject(HttpTestingController);
    const tokens: string[] = [];
    TestBed.inject(ReloginPrompt)
      .waitForLogin('coord')
      .subscribe((token) => tokens.push(token));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const dialog = root.querySelector('[data-testid="relogin-dialog"]') as HTMLFormElement;
    expect((dialog.querySelector('input[name="username"]') as HTMLInputElement).value).toBe('coord');
    const password = root.querySelector('[data-testid="relogin-password"]') as HTMLInputElement;

    password.value = 'wrong';
    password.dispatchEvent(new Event('input'));
    dialog.dispatchEvent(new Event('submit'));
    http.expectOne('/api/auth/login').flush({ code: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="relogin-error"]')?.textContent).toContain('login.wrong');

    password.value = 'right';
    password.dispatchEvent(new Event('input'));
    dialog.dispatchEvent(new Event('submit'));
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ username: 'coord', password: 'right' });
    login.flush({ accessToken: 'fresh', user });
    await fixture.whenStable();
    expect(tokens).toEqual(['fresh']);
    expect(root.querySelector('[data-testid="relogin-dialog"]')).toBeNull();
  });
});
