import { VARIANCE_REASONS } from '@worksite/shared-make-ready';
import { instantOf, localDateOf } from '@worksite/shared-util-time';
import { taskFixture } from '@worksite/web-planning-data-access/testing';
import { flushReadiness, openCrewPage, page, tick } from '../crew-page.testing';

function setOnline(online: boolean): void {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  if (online) window.dispatchEvent(new Event('online'));
}

/** The crew page of lead `userId`, with one task (t1, 电缆敷设) planned for today and no notices. */
async function openWithTodayTask(userId: string) {
  const opened = await openCrewPage({ id: userId, crewIds: ['crew-power'] });
  const today = localDateOf(Date.now(), 'Asia/Shanghai');
  opened.http
    .expectOne((r) => r.url === '/api/tasks')
    .flush(
      page([
        taskFixture('t1', {
          title: '电缆敷设',
          plannedStart: instantOf(today, '08:00', 'Asia/Shanghai').toISOString(),
          plannedFinish: instantOf(today, '12:00', 'Asia/Shanghai').toISOString(),
        }),
      ]),
    );
  opened.http.expectOne((r) => r.url === '/api/crew/reports').flush({ reports: [] });
  await flushReadiness(opened.http);
  opened.http.expectOne((r) => r.url === '/api/notices').flush(page([]));
  opened.http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
  await tick();
  await opened.fixture.whenStable();
  return opened;
}

describe("The crew lead's phone", () => {
  afterEach(() => {
    setOnline(true);
    localStorage.clear();
  });

  it('keeps a "not done" tap made offline, shows it waiting, and sends it once back online', async () => {
    const { fixture, http } = await openWithTodayTask('lead-1');
    const el = fixture.nativeElement as HTMLElement;
    const card = () => el.querySelector<HTMLElement>('[data-testid=today-task]')!;
    expect(card().textContent).toContain('电缆敷设');

    setOnline(false);
    card().querySelector<HTMLButtonElement>('[data-testid=tap-not-done]')!.click();
    await fixture.whenStable();
    const reasons = [...card().querySelectorAll<HTMLButtonElement>('[data-reason]')];
    // The seven reasons in the phone's order, named from the one list (VARIANCE_REASON_NAMES).
    expect(reasons.map((b) => b.getAttribute('data-reason'))).toEqual([...VARIANCE_REASONS]);
    expect(reasons[0].textContent?.trim()).toBe('材料未到');
    reasons[0].click();
    await fixture.whenStable();
    const note = card().querySelector<HTMLTextAreaElement>('[data-testid=not-done-note]')!;
    note.value = '电缆下午才到';
    card().querySelector<HTMLButtonElement>('[data-testid=send-not-done]')!.click();
    await fixture.whenStable();

    http.expectNone('/api/crew/reports');
    expect(el.querySelector('[data-testid=outbox-waiting]')?.getAttribute('data-count')).toBe('1');
    expect(card().getAttribute('data-not-done')).toBe('materials_missing');
    expect(card().querySelector('[data-testid=not-done-shown]')?.textContent).toContain('电缆下午才到');
    // Still there after a reload of the page: the queue is on the phone.
    const stored = JSON.parse(localStorage.getItem('ws.crew-taps.lead-1') ?? '[]');
    expect(stored).toEqual([expect.objectContaining({ taskId: 't1', kind: 'not_done', reason: 'materials_missing' })]);

    setOnline(true);
    const sent = http.expectOne('/api/crew/reports');
    expect(sent.request.body).toEqual({
      clientKey: stored[0].clientKey,
      taskId: 't1',
      kind: 'not_done',
      reason: 'materials_missing',
      note: '电缆下午才到',
      tappedAt: stored[0].tappedAt,
    });
    sent.flush({ applied: true, task: { id: 't1', status: 'planned', progress: 0, version: 2 } });
    await tick();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=outbox-waiting]')).toBeNull();
    expect(card().getAttribute('data-not-done')).toBe('materials_missing');
    expect(localStorage.getItem('ws.crew-taps.lead-1')).toBe('[]');
    http.verify();
  });
  it('says so when the server refuses a tap, and drops it from the queue', async () => {
    const { fixture, http } = await openWithTodayTask('lead-2');
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector<HTMLButtonElement>('[data-testid=tap-started]')!.click();
    http
      .expectOne('/api/crew/reports')
      .flush({ code: 'forbidden', message: '不是你班组的任务' }, { status: 403, statusText: 'Forbidden' });
    await tick();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=outbox-rejected]')?.textContent).toContain('不是你班组的任务');
    expect(el.querySelector('[data-testid=outbox-waiting]')).toBeNull();
    expect(el.querySelector('[data-testid=today-task]')?.getAttribute('data-status')).toBe('planned');
    expect(localStorage.getItem('ws.crew-taps.lead-2')).toBe('[]');
    http.verify();
  });
});
