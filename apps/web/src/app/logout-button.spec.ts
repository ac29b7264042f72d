import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { SessionStore } from '@worksite/web-auth-data-access';
import { CrewOutbox, crewDayKey, crewTapsKey } from '@worksite/web-weekly-plan-data-access';
import { LogoutButton } from './logout-button';

const tick = () => new Promise((resolve) => setTimeout(resolve));
const LEAD = {
  id: 'lead-1',
  username: 'lead',
  displayName: '王建国',
  role: 'contractor',
  language: 'zh-CN',
  departmentId: null,
  crewIds: ['crew-1'],
  projectIds: [],
};

describe('LogoutButton', () => {
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let online: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LogoutButton],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    online = jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const signedIn = TestBed.inject(SessionStore).login('lead', 'pw');
    http.expectOne('/api/auth/login').flush({ accessToken: 't', user: LEAD });
    await signedIn;
    localStorage.setItem(crewDayKey('lead-1'), JSON.stringify({ crewId: 'crew-1', tasks: [] }));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    localStorage.clear();
  });

  async function render() {
    const fixture = TestBed.createComponent(LogoutButton);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const click = async (testid: string) => {
      el.querySelector<HTMLButtonElement>(`[data-testid=${testid}]`)?.click();
      await tick();
      fixture.detectChanges();
    };
    return { fixture, el, click };
  }

  /** A report and a "收到" made offline, waiting in the outbox. */
  function queueOffline(): CrewOutbox {
    online.mockReturnValue(false);
    const outbox = TestBed.inject(CrewOutbox);
    outbox.open('lead-1');
    outbox.tap({ taskId: 't1', kind: 'done' });
    outbox.ack('n1');
    return outbox;
  }

  async function expectLoggedOut() {
    http.expectOne('/api/auth/logout').flush(null);
    await tick();
    await tick();
    expect(navigate).toHaveBeenCalledWith('/login');
    expect(TestBed.inject(SessionStore).status()).toBe('anonymous');
    expect(localStorage.getItem(crewDayKey('lead-1'))).toBeNull();
  }

  it('logs out at once when nothing waits, and leaves no kept day on the phone', async () => {
    const { click } = await render();
    await click('logout');
    await expectLoggedOut();
  });

  it('asks first when reports wait; cancel keeps the session and the kept day', async () => {
    queueOffline();
    const { el, click } = await render();
    await click('logout');
    expect(el.querySelector('[data-testid=logout-waiting]')?.textContent).toContain('logoutWaiting.title');
    http.expectNone('/api/auth/logout');
    await click('logout-cancel');
    expect(el.querySelector('[data-testid=logout-waiting]')).toBeNull();
    expect(TestBed.inject(SessionStore).status()).toBe('authenticated');
    expect(localStorage.getItem(crewDayKey('lead-1'))).not.toBeNull();
  });

  it('"send now" without network says they still wait and stays; with network it sends, then logs out', async () => {
    const outbox = queueOffline();
    const { el, click } = await render();
    await click('logout');
    await click('logout-send');
    expect(el.querySelector('[data-testid=logout-still-waiting]')).not.toBeNull();
    http.expectNone('/api/auth/logout');

    online.mockReturnValue(true);
    await click('logout-send');
    http.expectOne('/api/crew/reports').flush({ applied: true, task: { id: 't1', status: 'done', progress: 100 } });
    await tick();
    http.expectOne('/api/notices/n1/acknowledge').flush({ acknowledged: true, changed: true, notice: { id: 'n1' } });
    await tick();
    await expectLoggedOut();
    expect(outbox.waitingFor('lead-1')).toBe(0);
  });

  it('"keep" logs out and leaves the taps stored for the same user only, sent at their next login', async () => {
    const outbox = queueOffline();
    const { click } = await render();
    await click('logout');
    await click('logout-keep');
    await expectLoggedOut();
    expect(outbox.taps()).toEqual([]);
    expect(JSON.parse(localStorage.getItem(crewTapsKey('lead-1')) ?? '[]')).toHaveLength(2);
    expect(outbox.waitingFor('lead-1')).toBe(2);
  });

  it('"discard" drops the waiting taps and logs out', async () => {
    const outbox = queueOffline();
    const { click } = await render();
    await click('logout');
    await click('logout-discard');
    await expectLoggedOut();
    expect(localStorage.getItem(crewTapsKey('lead-1'))).toBeNull();
    expect(outbox.waitingFor('lead-1')).toBe(0);
  });
});
