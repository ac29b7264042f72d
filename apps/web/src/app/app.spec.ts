import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { SessionStore } from '@worksite/web-auth-data-access';
import { crewDayKey, crewTapsKey } from '@worksite/web-weekly-plan-data-access';
import { App } from './app';

describe('App shell', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    }).compileComponents();
  });

  afterEach(() => localStorage.clear());

  async function signIn(role: string) {
    const session = TestBed.inject(SessionStore);
    const done = session.login('u', 'p');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/login')
      .flush({
        accessToken: 't',
        user: {
          id: 'u',
          username: 'u',
          displayName: '甄鸿波',
          role,
          language: 'zh-CN',
          departmentId: null,
          crewIds: [],
          projectIds: [],
        },
      });
    await done;
  }

  it('switches the interface language and remembers it', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const select = (fixture.nativeElement as HTMLElement).querySelector('select') as HTMLSelectElement;
    expect(select.options).toHaveLength(2);
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    expect(TestBed.inject(TranslateService).getCurrentLang()).toBe('en');
    expect(localStorage.getItem('worksite.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows no navigation before login', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('nav')).toBeNull();
  });

  it.each([
    ['coordinator', ['/projects', '/setup', '/incidents']],
    ['agency', ['/agency', '/incidents']],
    ['contractor', ['/crew', '/incidents']],
    ['admin', ['/projects', '/agency', '/crew', '/setup', '/incidents']],
  ])('shows a %s the areas of the role', async (role, paths) => {
    await signIn(role);
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const links = [...(fixture.nativeElement as HTMLElement).querySelectorAll('nav a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual(paths);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid=current-user]')?.textContent).toContain(
      '甄鸿波',
    );
  });

  it('logs out and goes to the login page', async () => {
    await signIn('viewer');
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('.ws-logout')?.click();
    TestBed.inject(HttpTestingController).expectOne('/api/auth/logout').flush(null);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(navigate).toHaveBeenCalledWith('/login');
    expect(TestBed.inject(SessionStore).status()).toBe('anonymous');
  });

  it("forgets the day another user kept on this phone when someone signs in, not that user's waiting taps", async () => {
    localStorage.setItem(crewDayKey('someone-else'), '{"crewId":"c9"}');
    localStorage.setItem(crewTapsKey('someone-else'), '[{"clientKey":"k","noticeId":"n1","tappedAt":"x"}]');
    localStorage.setItem(crewDayKey('u'), '{"crewId":"c1"}');
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    await signIn('contractor');
    await fixture.whenStable();
    expect(localStorage.getItem(crewDayKey('someone-else'))).toBeNull();
    expect(localStorage.getItem(crewDayKey('u'))).not.toBeNull();
    expect(localStorage.getItem(crewTapsKey('someone-else'))).not.toBeNull();
  });
});
