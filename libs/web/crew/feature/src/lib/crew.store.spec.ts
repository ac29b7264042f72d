import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { at, scheduleFixture, taskFixture } from '@worksite/web-planning-data-access/testing';
import { CrewOutbox, crewDayKey } from '@worksite/web-weekly-plan-data-access';
import { flushReadiness } from './crew-page.testing';
import { CrewStore } from './crew.store';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));
const report = (kind: string, hour: string, extra: object = {}) => ({
  taskId: 'early',
  kind,
  progress: null,
  reason: null,
  note: '',
  tappedAt: at(`2026-03-02T${hour}`),
  ...extra,
});
const TODAY_REPORTS = [
  report('done', '08:30'),
  report('not_done', '09:00', { reason: 'materials_missing', note: '回填砂未到场' }),
];

describe('CrewStore', () => {
  let store: CrewStore;
  let http: HttpTestingController;

  /** Answers the notices the store asks for after the day: none. */
  const noNotices = async () => {
    http.expectOne((r) => r.url === '/api/notices').flush(page([]));
    http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    await tick();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [CrewStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(CrewStore);
    http = TestBed.inject(HttpTestingController);
    store.now.set(Date.parse(at('2026-03-02T07:00')));
    const loaded = store.load('crew-power');
    http.expectOne((r) => r.url === '/api/projects').flush(page([scheduleFixture().project]));
    for (const url of ['/api/departments', '/api/crews', '/api/locations'])
      http.expectOne((r) => r.url === url).flush(page([]));
    await tick();
    const tasks = http.expectOne((r) => r.url === '/api/tasks');
    // "Today" is the project's local date, not the UTC one (07:00 in Shanghai is still the 1st in UTC).
    expect(tasks.request.params.get('from')).toBe('2026-03-02');
    // The readiness of the lead's project (from today on) is asked for beside the crew's day, not after it.
    expect(await flushReadiness(http, ['late'])).toEqual([
      `/api/projects/${scheduleFixture().project.id}/readiness?from=2026-03-02&constraints=open`,
    ]);
    tasks.flush(
      page([
        taskFixture('late', { plannedStart: at('2026-03-03T07:30'), plannedFinish: at('2026-03-03T09:00') }),
        taskFixture('early', { plannedStart: at('2026-03-02T08:00'), plannedFinish: at('2026-03-02T12:00') }),
        taskFixture('gone', { status: 'cancelled' }),
      ]),
    );
    const reports = http.expectOne((r) => r.url === '/api/crew/reports');
    expect(reports.request.params.get('date')).toBe('2026-03-02');
    reports.flush({ reports: TODAY_REPORTS });
    await loaded;
  });

  it("puts today's work on top and groups the rest by local day in the project zone, without cancelled tasks", async () => {
    await noNotices();
    expect(store.todayTasks().map((t) => [t.task.id, t.state.status])).toEqual([['early', 'planned']]);
    // The "not done" the server recorded today, as after a reload of the page.
    expect(store.todayTasks()[0].state.notDone).toEqual({ reason: 'materials_missing', note: '回填砂未到场' });
    expect(store.days().map((d) => [d.date, d.tasks.map((t) => t.id)])).toEqual([['2026-03-03', ['late']]]);
    // Readiness from today on, of the project of the crew's tasks: 'late' has an open constraint.
    expect([...store.notReady()]).toEqual(['late']);
    expect(store.todayTasks()[0].notReady).toBe(false);
    // What 'late' waits for: its open constraint.
    expect(
      store
        .blockers()
        .get('late')
        ?.map((c) => [c.kind, c.ownerName]),
    ).toEqual([['materials', '王建国']]);
  });

  it('marks a constraint the lead owns cleared: the task is ready once none is left open', async () => {
    await noNotices();
    const [open] = store.blockers().get('late') ?? [];
    const cleared = store.clearConstraint(open);
    expect(store.clearing.clearing()).toBe(open.id);
    const request = http.expectOne(`/api/constraints/${open.id}/clear`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ version: open.version });
    request.flush({ ...open, status: 'cleared', version: open.version + 1 });
    await cleared;
    expect(store.clearing.clearing()).toBeNull();
    expect(store.clearing.error()).toBeNull();
    expect([...store.notReady()]).toEqual([]);
    http.verify();
  });

  it('says why a clear was refused (cleared by someone else first) and loads the day again', async () => {
    await noNotices();
    const [open] = store.blockers().get('late') ?? [];
    const cleared = store.clearConstraint(open);
    http
      .expectOne(`/api/constraints/${open.id}/clear`)
      .flush(
        { statusCode: 409, code: 'make_ready_already_cleared', message: '该开工条件已标记为已解决。' },
        { status: 409, statusText: 'Conflict' },
      );
    await cleared;
    expect(store.clearing.error()?.message).toBe('该开工条件已标记为已解决。');
    // The day again, from the server.
    http.expectOne((r) => r.url === '/api/projects').flush(page([scheduleFixture().project]));
    expect(store.loading()).toBe(true);
  });

  it('shows "收到" at once, waiting until sent; a refusal takes it back and says why', async () => {
    const notice = { id: 'n1', crewId: 'crew-power', noticeDate: '2026-03-03', revision: 1, acknowledgedAt: null };
    http.expectOne((r) => r.url === '/api/notices').flush(page([notice]));
    http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    await tick();
    const outbox = TestBed.inject(CrewOutbox);
    outbox.open('lead-1');
    store.acknowledge(store.notices()[0]);
    const [view] = store.noticeViews();
    expect([view.summary.state, view.waiting, !!view.notice.acknowledgedAt]).toEqual(['acknowledged', true, true]);
    await tick();
    http
      .expectOne('/api/notices/n1/acknowledge')
      .flush(
        { statusCode: 403, code: 'forbidden', message: 'not your crew' },
        { status: 403, statusText: 'Forbidden' },
      );
    await tick();
    expect(outbox.rejected().map((r) => r.message)).toEqual(['not your crew']);
    expect(store.noticeViews()[0].notice.acknowledgedAt).toBeNull();
    expect(store.noticeViews()[0].waiting).toBe(false);
    http.verify();
  });

  it('keeps a sent "收到" in the day kept on the phone', async () => {
    const notice = { id: 'n1', crewId: 'crew-power', noticeDate: '2026-03-03', revision: 1, acknowledgedAt: null };
    store.keepOnPhone('lead-1', ['crew-power']);
    http.expectOne((r) => r.url === '/api/notices').flush(page([notice]));
    http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    await tick();
    TestBed.inject(CrewOutbox).open('lead-1');
    store.acknowledge(store.notices()[0]);
    await tick();
    TestBed.tick();
    const keptBefore = JSON.parse(localStorage.getItem(crewDayKey('lead-1')) ?? 'null');
    // Not sent yet: the kept day holds the server's state only (the outbox holds the tap).
    expect(keptBefore.notices[0].acknowledgedAt).toBeNull();
    http.expectOne('/api/notices/n1/acknowledge').flush({ acknowledged: true, changed: true, notice });
    await tick();
    TestBed.tick();
    const kept = JSON.parse(localStorage.getItem(crewDayKey('lead-1')) ?? 'null');
    expect(kept.notices[0].acknowledgedAt).toBeTruthy();
    localStorage.clear();
  });

  it('keeps nothing on the phone once the page is gone (logout)', async () => {
    store.keepOnPhone('lead-1', ['crew-power']);
    TestBed.resetTestingModule();
    http.match(() => true).forEach((r) => r.cancelled || r.flush(page([])));
    await tick();
    expect(localStorage.getItem(crewDayKey('lead-1'))).toBeNull();
  });
});

describe('CrewStore without network', () => {
  const offline = (http: HttpTestingController, url: string) =>
    http
      .match((r) => r.url === url)
      // forkJoin cancels the others once one fails.
      .forEach((r) => r.cancelled || r.error(new ProgressEvent('error'), { status: 0 }));

  function open(userId: string): { store: CrewStore; http: HttpTestingController } {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [CrewStore, provideHttpClient(), provideHttpClientTesting()] });
    const store = TestBed.inject(CrewStore);
    store.now.set(Date.parse(at('2026-03-02T10:00')));
    store.keepOnPhone(userId, ['crew-power']);
    return { store, http: TestBed.inject(HttpTestingController) };
  }

  afterEach(() => localStorage.clear());

  it("opens the day kept on the phone, with today's 未完成 the server had recorded", async () => {
    const online = open('lead-1');
    const loaded = online.store.load('crew-power');
    online.http.expectOne((r) => r.url === '/api/projects').flush(page([scheduleFixture().project]));
    online.http.expectOne((r) => r.url === '/api/departments').flush(page([]));
    online.http.expectOne((r) => r.url === '/api/crews').flush(page([{ id: 'crew-power', name: '电力一班' }]));
    online.http
      .expectOne((r) => r.url === '/api/locations')
      .flush(page([{ id: 'l1', name: '八经小区', parentId: null }]));
    await tick();
    online.http.expectOne((r) => r.url === '/api/tasks').flush(page([taskFixture('early', { locationId: 'l1' })]));
    online.http.expectOne((r) => r.url === '/api/crew/reports').flush({ reports: TODAY_REPORTS });
    await flushReadiness(online.http, ['early']);
    await loaded;
    online.http
      .expectOne((r) => r.url === '/api/notices')
      .flush(page([{ id: 'n1', noticeDate: '2026-03-02', revision: 1 }]));
    online.http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    await tick();
    // A tap the server accepts after the load is part of the kept day.
    TestBed.inject(CrewOutbox).open('lead-1');
    online.store.report({ taskId: 'early', kind: 'progress', progress: 50 });
    await tick();
    online.http
      .expectOne('/api/crew/reports')
      .flush({ applied: true, task: { id: 'early', status: 'in_progress', progress: 50, version: 2 } });
    await tick();
    TestBed.tick();

    // The app is opened again in the trench: no answer from the server.
    const { store, http } = open('lead-1');
    const again = store.load('crew-power');
    for (const url of ['/api/projects', '/api/departments', '/api/crews', '/api/locations']) offline(http, url);
    await again;
    expect(store.error()).toBeNull();
    expect(store.keptAt()).not.toBeNull();
    expect(store.crew()?.name).toBe('电力一班');
    expect(store.refs()?.locations.get('l1')?.name).toBe('八经小区');
    expect(
      store.todayTasks().map((t) => [t.task.id, t.state.status, t.state.progress, t.state.notDone?.reason]),
    ).toEqual([['early', 'in_progress', 50, 'materials_missing']]);
    // Not ready (an open constraint) as the server said before the network went.
    expect(store.todayTasks()[0].notReady).toBe(true);
    expect(store.todayTasks()[0].blockers.map((c) => c.description)).toEqual(['YJV22 电缆 200 米到场']);
    expect(store.notices().map((n) => n.id)).toEqual(['n1']);
    http.verify();
  });

  it('says the load failed when nothing was kept for this user, or the server refused', async () => {
    const { store, http } = open('lead-2');
    const loaded = store.load('crew-power');
    for (const url of ['/api/projects', '/api/departments', '/api/crews', '/api/locations']) offline(http, url);
    await loaded;
    expect(store.error()?.code).toBe('network');
    expect(store.keptAt()).toBeNull();
  });
});
