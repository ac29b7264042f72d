import { scheduleFixture, taskFixture } from '@worksite/web-planning-data-access/testing';
import { crewDayKey } from '@worksite/web-weekly-plan-data-access';
import { answerCrewDays, answerNoNotices, flushReadiness, openCrewPage, page, tick } from './crew-page.testing';

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
          status: 'ready',
          materials: [{ name: '电缆', quantity: 120, unit: '米' }],
          tools: ['牵引机'],
          safetyNotes: '停电作业',
        },
      ]),
    );
    http.expectOne((r) => r.url === '/api/crew/reports').flush({ reports: [] });
    await flushReadiness(http, [data.tasks[0].id]);
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
    // An open make-ready constraint: marked not ready, its status "ready" not shown beside it.
    expect(task?.querySelector('[data-testid=not-ready]')?.textContent).toContain('makeReady.notReady');
    expect(task?.querySelector('[data-status=ready]')).toBeNull();
    // What it waits for, who clears it and by when, under the task.
    const open = task?.querySelectorAll('[data-testid=open-constraints] li');
    expect(open?.length).toBe(1);
    expect(open?.[0].textContent).toContain('YJV22 电缆 200 米到场');
    expect(open?.[0].textContent).toContain('王建国');
    expect(open?.[0].textContent).toContain('2026-03-02');
    // Another user owns it: nothing to mark cleared here.
    expect(task?.querySelector('[data-testid=constraint-clear]')).toBeNull();
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

  it('lets the lead mark a constraint they own cleared, and the task is no longer marked not ready', async () => {
    const { fixture, http } = await openCrewPage({ id: 'lead-1', crewIds: ['crew-power'] }, [
      { id: 'crew-power', name: '电力一班', leaderName: '王建国' },
    ]);
    const [task] = scheduleFixture().tasks;
    http.expectOne((r) => r.url === '/api/tasks').flush(page([{ ...task, status: 'ready' }]));
    http.expectOne((r) => r.url === '/api/crew/reports').flush({ reports: [] });
    await flushReadiness(http, [task.id]);
    http.expectOne((r) => r.url === '/api/notices').flush(page([]));
    http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    await tick();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const row = () => el.querySelector('[data-testid=crew-task]');
    expect(row()?.querySelector('[data-testid=not-ready]')).not.toBeNull();
    row()?.querySelector<HTMLButtonElement>('[data-testid=constraint-clear]')?.click();
    await fixture.whenStable();
    expect(row()?.querySelector<HTMLButtonElement>('[data-testid=constraint-clear]')?.disabled).toBe(true);
    http.expectOne(`/api/constraints/c-${task.id}/clear`).flush({ id: `c-${task.id}`, status: 'cleared' });
    await tick();
    await fixture.whenStable();
    expect(row()?.querySelector('[data-testid=not-ready]')).toBeNull();
    expect(row()?.querySelector('[data-testid=open-constraints]')).toBeNull();
    expect(row()?.querySelector('[data-status=ready]')).not.toBeNull();
    http.verify();
  });

  it('shows which of the lead’s crews is on screen', async () => {
    const { fixture, http } = await openCrewPage({ id: 'u', crewIds: ['c1', 'c2'] }, [
      { id: 'c1', name: '一班' },
      { id: 'c2', name: '二班' },
    ]);
    // Neither crew works today: the first one stays on screen.
    await answerCrewDays(http, ['c1', 'c2'], []);
    await flushReadiness(http);
    await answerNoNotices(http, fixture, 'c1');
    const select = (fixture.nativeElement as HTMLElement).querySelector('.pick select') as HTMLSelectElement;
    expect(select.options).toHaveLength(2);
    expect(select.value).toBe('c1');
    http.verify();
  });

  it('opens on the lead’s crew that has work today when the first has none', async () => {
    const { fixture, http } = await openCrewPage({ id: 'u', crewIds: ['c1', 'c2'] }, [
      { id: 'c1', name: '一班' },
      { id: 'c2', name: '二班' },
    ]);
    // Until the days say which crew works today, the picker names none (not the first, then another).
    fixture.detectChanges();
    expect(((fixture.nativeElement as HTMLElement).querySelector('.pick select') as HTMLSelectElement).value).toBe('');
    await answerCrewDays(http, ['c1', 'c2'], ['c2']);
    await flushReadiness(http);
    await answerNoNotices(http, fixture, 'c2');
    const el = fixture.nativeElement as HTMLElement;
    expect((el.querySelector('.pick select') as HTMLSelectElement).value).toBe('c2');
    expect(el.querySelector('[data-testid=today-task][data-task-id=today-c2]')).not.toBeNull();
    http.verify();
  });

  it('opens again on the crew the lead picked (a reload), with the 未完成 the server recorded today', async () => {
    // The phone kept the day of the second crew, which the lead had picked before the reload.
    const kept = { savedAt: 1, crewId: 'c2', date: '2026-03-02', projects: [], crews: [], locations: [] };
    localStorage.setItem(crewDayKey('u'), JSON.stringify({ ...kept, tasks: [], reports: [], notices: [] }));
    try {
      const { fixture, http } = await openCrewPage({ id: 'u', crewIds: ['c1', 'c2'] }, [
        { id: 'c1', name: '一班' },
        { id: 'c2', name: '二班' },
      ]);
      // The picked crew's day and, side by side, the other's (in case the picked one has no work today).
      const tasks = http.expectOne((r) => r.url === '/api/tasks' && r.params.get('crewId') === 'c2');
      http.expectOne((r) => r.url === '/api/tasks' && r.params.get('crewId') === 'c1').flush(page([]));
      http.expectOne((r) => r.url === '/api/crew/reports' && r.params.get('crewId') === 'c1').flush({ reports: [] });
      const now = new Date();
      tasks.flush(
        page([
          taskFixture('t2', {
            title: '二班的管沟回填',
            plannedStart: new Date(now.getTime() - 3600_000).toISOString(),
            plannedFinish: new Date(now.getTime() + 3600_000).toISOString(),
          }),
        ]),
      );
      const reports = http.expectOne((r) => r.url === '/api/crew/reports' && r.params.get('crewId') === 'c2');
      reports.flush({
        reports: [
          {
            taskId: 't2',
            kind: 'not_done',
            progress: null,
            reason: 'materials_missing',
            note: '回填砂未到场',
            tappedAt: now.toISOString(),
          },
        ],
      });
      await flushReadiness(http);
      await answerNoNotices(http, fixture, 'c2');
      const el = fixture.nativeElement as HTMLElement;
      expect((el.querySelector('.pick select') as HTMLSelectElement).value).toBe('c2');
      const card = el.querySelector('[data-testid=today-task][data-task-id=t2]');
      expect(card?.getAttribute('data-not-done')).toBe('materials_missing');
      expect(card?.querySelector('[data-testid=not-done-shown]')?.textContent).toContain('回填砂未到场');
    } finally {
      localStorage.clear();
    }
  });
});
