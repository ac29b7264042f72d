import { scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { openCrewPage, page, tick } from './crew-page.testing';

describe('CrewPage', () => {
  it("shows the crew's upcoming work and notices, and acknowledges one", async () => {
    const { fixture, http } = await openCrewPage({ id: 'u', crewIds: ['crew-power'] }, [
      { id: 'crew-power', name: '电力一班', leaderName: '王建国' },
    ]);
    const data = scheduleFixture();
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
    http.expectOne((r) => r.url === '/api/crew/reports').flush({ reports: [] });
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
    const { fixture, http } = await openCrewPage({ id: 'u', crewIds: ['c1', 'c2'] }, [
      { id: 'c1', name: '一班' },
      { id: 'c2', name: '二班' },
    ]);
    http.expectOne((r) => r.url === '/api/tasks').flush(page([]));
    http.expectOne((r) => r.url === '/api/crew/reports').flush({ reports: [] });
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
