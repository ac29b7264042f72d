import { signedInTestBed } from '@worksite/web-auth-data-access/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { DayPlanPage } from './day-plan-page.component';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('DayPlanPage', () => {
  async function open(role: string) {
    const http = await signedInTestBed(DayPlanPage, role, { projectIds: ['p1'] });
    const fixture = TestBed.createComponent(DayPlanPage);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('date', '2026-03-02');
    fixture.detectChanges();
    const fixtureData = scheduleFixture();
    http.expectOne('/api/projects/p1').flush(fixtureData.project);
    http.expectOne((r) => r.url === '/api/departments').flush(page([{ id: 'power', name: '电力公司' }]));
    http
      .expectOne((r) => r.url === '/api/crews')
      .flush(
        page([{ id: 'crew-power', name: '电力一班', departmentId: 'power', leaderName: '王建国', leaderPhone: '138' }]),
      );
    http.expectOne((r) => r.url === '/api/locations').flush(page([]));
    await tick();
    http.expectOne((r) => r.url === '/api/tasks').flush(page(fixtureData.tasks.slice(0, 1)));
    await tick();
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
    http
      .expectOne((r) => r.url === '/api/notices')
      .flush(
        page([
          {
            id: 'n1',
            crewId: 'crew-power',
            revision: 1,
            reason: 'initial',
            acknowledgedAt: '2026-03-01T13:00:00Z',
            changes: [],
            deliveries: [],
          },
        ]),
      );
    http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    http.expectOne((r) => r.url === '/api/notice-runs').flush(page([]));
    await tick();
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, http };
  }

  it("shows each crew's tasks with times and the crew's notice state, with resend for the coordinator", async () => {
    const { el } = await open('coordinator');
    const group = el.querySelector('[data-testid=crew-group]');
    expect(group?.textContent).toContain('电力一班');
    expect(group?.textContent).toContain('王建国 138');
    expect(group?.querySelector('[data-testid=day-task]')?.textContent).toContain('08:00–12:00');
    expect(group?.querySelector('ws-notice-state [data-state]')?.getAttribute('data-state')).toBe('acknowledged');
    expect(group?.querySelector('[data-testid=resend]')).not.toBeNull();
  });

  it('lets a viewer look but not send', async () => {
    const { el } = await open('viewer');
    expect(el.querySelector('[data-testid=resend]')).toBeNull();
    expect(el.querySelector('[data-testid=send-all]')).toBeNull();
  });

  it('moves to another day through the URL', async () => {
    const { el } = await open('coordinator');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const input = el.querySelector<HTMLInputElement>('[data-testid=day-plan-date]') as HTMLInputElement;
    input.value = '2026-03-05';
    input.dispatchEvent(new Event('change'));
    expect(navigate).toHaveBeenCalledWith([], { queryParams: { date: '2026-03-05' }, queryParamsHandling: 'merge' });
  });
});
