import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { at, scheduleFixture, taskFixture } from '@worksite/web-planning-data-access/testing';
import { CrewStore } from './crew.store';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('CrewStore', () => {
  let store: CrewStore;
  let http: HttpTestingController;

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
    tasks.flush(
      page([
        taskFixture('late', { plannedStart: at('2026-03-03T07:30'), plannedFinish: at('2026-03-03T09:00') }),
        taskFixture('early', { plannedStart: at('2026-03-02T08:00'), plannedFinish: at('2026-03-02T12:00') }),
        taskFixture('gone', { status: 'cancelled' }),
      ]),
    );
    await loaded;
  });

  it("puts today's work on top and groups the rest by local day in the project zone, without cancelled tasks", async () => {
    http.expectOne((r) => r.url === '/api/notices').flush(page([]));
    http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    await tick();
    expect(store.todayTasks().map((t) => [t.task.id, t.state.status])).toEqual([['early', 'planned']]);
    expect(store.days().map((d) => [d.date, d.tasks.map((t) => t.id)])).toEqual([['2026-03-03', ['late']]]);
  });

  it('says why an acknowledgement failed and keeps the notice unacknowledged', async () => {
    const notice = { id: 'n1', crewId: 'crew-power', noticeDate: '2026-03-03', revision: 1, acknowledgedAt: null };
    http.expectOne((r) => r.url === '/api/notices').flush(page([notice]));
    http.expectOne((r) => r.url === '/api/deliveries').flush(page([]));
    await tick();
    const done = store.acknowledge(store.notices()[0]);
    http
      .expectOne('/api/notices/n1/acknowledge')
      .flush(
        { statusCode: 403, code: 'forbidden', message: 'not your crew' },
        { status: 403, statusText: 'Forbidden' },
      );
    await done;
    expect(store.ackError()?.message).toBe('not your crew');
    expect(store.notices()[0].acknowledgedAt).toBeNull();
    http.verify();
  });
});
