import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NoticeRunDto } from '@worksite/shared-domain';
import { scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { DayPlanStore, RUN_POLL_MS } from './day-plan.store';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const flushPromises = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function run(status: string, crewsDone: number): NoticeRunDto {
  return {
    id: 'r1',
    projectId: 'p1',
    runDate: '2026-03-03',
    status,
    crewsTotal: 2,
    crewsDone,
    deliveriesSent: crewsDone,
    deliveriesFailed: 0,
    createdAt: '2026-03-02T12:00:00Z',
  } as NoticeRunDto;
}

describe('DayPlanStore', () => {
  let store: DayPlanStore;
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers({
      doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'],
      now: Date.parse('2026-03-02T04:00:00Z'),
    });
    TestBed.configureTestingModule({ providers: [DayPlanStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(DayPlanStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  async function load(runs: NoticeRunDto[] = []) {
    const loaded = store.load('p1', null);
    http.expectOne('/api/projects/p1').flush(scheduleFixture().project);
    for (const url of ['/api/departments', '/api/crews', '/api/locations'])
      http.expectOne((r) => r.url === url).flush(page([]));
    await flushPromises();
    const tasks = http.expectOne((r) => r.url === '/api/tasks');
    expect(tasks.request.params.get('from')).toBe('2026-03-03');
    expect(tasks.request.params.get('to')).toBe('2026-03-03');
    tasks.flush(page(scheduleFixture().tasks));
    expect(await loaded).toBe('2026-03-03');
    http.expectOne((r) => r.url === '/api/projects/p1/conflicts').flush({ items: [] });
    http.expectOne('/api/notice-runs/schedule').flush({ sendTime: '20:00', reminderTime: '21:30', escalationTime: '07:00' });
    await answerNotices(runs);
  }

  /** One refresh of the notices: notices, deliveries, runs of the day, then the newest run's live counts. */
  async function answerNotices(runs: NoticeRunDto[]) {
    http.expectOne((r) => r.url === '/api/notices').flush(page([]));
    http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    const list = http.expectOne((r) => r.url === '/api/notice-runs');
    expect(list.request.params.get('date')).toBe('2026-03-03');
    list.flush(page(runs));
    await flushPromises();
    if (runs.length) http.expectOne(`/api/notice-runs/${runs[0].id}`).flush(runs[0]);
    await flushPromises();
  }

  it("shows tomorrow in the project's zone by default", async () => {
    await load();
    expect(store.date()).toBe('2026-03-03');
    expect(store.byCrew().length).toBeGreaterThan(0);
  });

  it('says when the night run sends the day by itself: the evening before at the send time, while that is ahead', async () => {
    await load();
    // 2026-03-02 12:00 in Shanghai: tomorrow's notices go out tonight at 20:00 (12:00 UTC).
    expect(store.autoSendAt()).toBe('2026-03-02T12:00:00.000Z');
    store.date.set('2026-03-05');
    expect(store.autoSendAt()).toBe('2026-03-04T12:00:00.000Z');
    // Today's went out last night: nothing to announce.
    store.date.set('2026-03-02');
    expect(store.autoSendAt()).toBeNull();
  });

  it('follows a run in progress until it completes', async () => {
    await load([run('running', 0)]);
    expect(store.runLive()).toBe(true);
    jest.advanceTimersByTime(RUN_POLL_MS);
    await answerNotices([run('running', 1)]);
    expect(store.run()?.crewsDone).toBe(1);
    jest.advanceTimersByTime(RUN_POLL_MS);
    await answerNotices([run('completed', 2)]);
    expect(store.runLive()).toBe(false);
    jest.advanceTimersByTime(RUN_POLL_MS * 3);
    http.expectNone((r) => r.url === '/api/notice-runs');
  });

  it("sends the day's notices now and then follows the run", async () => {
    await load();
    const sending = store.sendNow();
    const post = http.expectOne('/api/notice-runs');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ projectId: 'p1', date: '2026-03-03' });
    post.flush({ created: true, started: true, run: run('pending', 0) });
    await flushPromises();
    await answerNotices([run('running', 0)]);
    await sending;
    expect(store.message()).toEqual({ kind: 'ok', key: 'dayPlan.sendStarted' });
    expect(store.runLive()).toBe(true);
    jest.advanceTimersByTime(RUN_POLL_MS);
    await answerNotices([run('completed', 2)]);
  });

  it('says that nothing new was sent when the run already sent the notices', async () => {
    await load([run('completed', 2)]);
    const sending = store.sendNow();
    http
      .expectOne('/api/notice-runs')
      .flush({ created: false, started: false, reason: 'already_sent', run: run('completed', 2) });
    await flushPromises();
    await answerNotices([run('completed', 2)]);
    await sending;
    expect(store.message()).toEqual({ kind: 'ok', key: 'dayPlan.alreadySent' });
    expect(store.runLive()).toBe(false);
  });

  it('says that the notices are being sent when the run is under way', async () => {
    await load([run('running', 1)]);
    const sending = store.sendNow();
    http
      .expectOne('/api/notice-runs')
      .flush({ created: false, started: false, reason: 'in_progress', run: run('running', 1) });
    await flushPromises();
    await answerNotices([run('running', 1)]);
    await sending;
    expect(store.message()).toEqual({ kind: 'ok', key: 'dayPlan.sendInProgress' });
    jest.advanceTimersByTime(RUN_POLL_MS);
    await answerNotices([run('completed', 2)]);
  });

  it('sends only for today or tomorrow', async () => {
    await load();
    expect(store.maySendDate()).toBe(true);
    store.date.set('2026-03-10');
    expect(store.maySendDate()).toBe(false);
  });

  it('says why a resend failed', async () => {
    await load();
    const resending = store.resend({ id: 'n1', crewId: 'crew-power' } as never);
    http
      .expectOne('/api/notices/n1/resend')
      .flush(
        { statusCode: 409, code: 'run_in_progress', message: 'a run is in progress' },
        { status: 409, statusText: 'Conflict' },
      );
    await resending;
    expect(store.message()).toEqual({ kind: 'error', key: 'dayPlan.actionFailed', detail: 'a run is in progress' });
  });
});
