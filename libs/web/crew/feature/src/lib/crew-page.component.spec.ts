import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { SessionStore } from '@worksite/web-auth-data-access';
import { scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { CrewPage } from './crew-page.component';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('CrewPage', () => {
  it("shows the crew's upcoming work and notices, and acknowledges one", async () => {
    TestBed.configureTestingModule({
      imports: [CrewPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const login = TestBed.inject(SessionStore).login('u', 'p');
    http.expectOne('/api/auth/login').flush({
      accessToken: 't',
      user: {
        id: 'u',
        username: 'u',
        displayName: 'U',
        role: 'contractor',
        language: 'zh-CN',
        departmentId: null,
        crewIds: ['crew-power'],
        projectIds: [],
      },
    });
    await login;
    const fixture = TestBed.createComponent(CrewPage);
    fixture.detectChanges();
    const data = scheduleFixture();
    http.expectOne((r) => r.url === '/api/projects').flush(page([data.project]));
    http.expectOne((r) => r.url === '/api/departments').flush(page([]));
    http
      .expectOne((r) => r.url === '/api/crews')
      .flush(page([{ id: 'crew-power', name: '电力一班', leaderName: '王建国' }]));
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await tick();
    const tasks = http.expectOne((r) => r.url === '/api/tasks');
    expect(tasks.request.params.get('crewId')).toBe('crew-power');
    tasks.flush(
      page([
        {
          ...data.tasks[0],
          materials: [{ name: '电缆', quantity: 120, unit: '米' }],
          tools: ['牵引机'],
          safetyNotes: '停电作业',
        },
      ]),
    );
    await tick();
    const notice = {
      id: 'n1',
      crewId: 'crew-power',
      noticeDate: '2026-03-02',
      revision: 2,
      reason: 'amendment',
      subject: '3月2日施工安排（更正）',
      changes: [{ kind: 'time', taskId: 'A', title: '电力入地', after: '08:00–12:00' }],
      acknowledgedAt: null,
    };
    http.expectOne((r) => r.url === '/api/notices').flush(page([notice]));
    http
      .expectOne((r) => r.url === '/api/deliveries')
      .flush(page([{ noticeId: 'n1', status: 'sent', purpose: 'notice' }]));
    await tick();
    await fixture.whenStable();

    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toContain('电力一班');
    const task = el.querySelector('[data-testid=crew-task]');
    expect(task?.textContent).toContain('08:00–12:00');
    expect(task?.textContent).toContain('电缆 120米');
    expect(task?.textContent).toContain('停电作业');
    const card = el.querySelector('[data-testid=notice]');
    expect(card?.getAttribute('data-state')).toBe('sent');
    expect(card?.textContent).toContain('电力入地');

    card?.querySelector<HTMLButtonElement>('[data-testid=acknowledge]')?.click();
    http
      .expectOne('/api/notices/n1/acknowledge')
      .flush({ acknowledged: true, changed: true, notice: { ...notice, acknowledgedAt: '2026-03-01T13:00:00Z' } });
    await tick();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=notice]')?.getAttribute('data-state')).toBe('acknowledged');
    expect(el.querySelector('[data-testid=acknowledge]')).toBeNull();
    http.verify();
  });

  it('shows which of the lead’s crews is on screen', async () => {
    TestBed.configureTestingModule({
      imports: [CrewPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const login = TestBed.inject(SessionStore).login('u', 'p');
    http.expectOne('/api/auth/login').flush({
      accessToken: 't',
      user: {
        id: 'u',
        username: 'u',
        displayName: 'U',
        role: 'contractor',
        language: 'zh-CN',
        departmentId: null,
        crewIds: ['c1', 'c2'],
        projectIds: [],
      },
    });
    await login;
    const fixture = TestBed.createComponent(CrewPage);
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/projects').flush(page([scheduleFixture().project]));
    http.expectOne((r) => r.url === '/api/departments').flush(page([]));
    http
      .expectOne((r) => r.url === '/api/crews')
      .flush(
        page([
          { id: 'c1', name: '一班' },
          { id: 'c2', name: '二班' },
        ]),
      );
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await tick();
    http.expectOne((r) => r.url === '/api/tasks').flush(page([]));
    await tick();
    http.expectOne((r) => r.url === '/api/notices').flush(page([]));
    http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    await tick();
    await fixture.whenStable();
    const select = (fixture.nativeElement as HTMLElement).querySelector('.pick select') as HTMLSelectElement;
    expect(select.options).toHaveLength(2);
    expect(select.value).toBe('c1');
  });
});
