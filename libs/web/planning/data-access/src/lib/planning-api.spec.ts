import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { COMPACT_SCHEDULE_MEDIA_TYPE, encodeSchedule } from '@worksite/schedule-wire';
import { scheduleFixture } from '../testing/schedule-fixture';
import { PlanningApi } from './planning-api';

describe('PlanningApi', () => {
  let api: PlanningApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PlanningApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the conflicts of a range of local days', async () => {
    const result = api.conflicts('p1', '2026-03-01', '2026-03-31');
    http.expectOne('/api/projects/p1/conflicts?from=2026-03-01&to=2026-03-31').flush({ items: [{ key: 'k' }] });
    expect(await result).toEqual([{ key: 'k' }]);
  });

  it('sends the version it read with every task change', async () => {
    const result = api.updateTask('t1', { plannedStart: '2026-03-03T00:00:00.000Z', version: 4 });
    const request = http.expectOne('/api/tasks/t1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ plannedStart: '2026-03-03T00:00:00.000Z', version: 4 });
    request.flush({ id: 't1', version: 5 });
    expect((await result).version).toBe(5);
  });

  it('asks for a dry-run recompute unless told to apply', async () => {
    const result = api.recompute('p1');
    const request = http.expectOne('/api/projects/p1/recompute');
    expect(request.request.body).toEqual({ apply: false });
    request.flush({ applied: false, moved: [] });
    expect((await result).applied).toBe(false);
  });

  it('asks for the compact schedule and decodes it to the full one', async () => {
    const schedule = scheduleFixture();
    const result = api.schedule('p1');
    const request = http.expectOne('/api/projects/p1/schedule');
    expect(request.request.headers.get('accept')).toContain(COMPACT_SCHEDULE_MEDIA_TYPE);
    request.flush(JSON.parse(JSON.stringify(encodeSchedule(schedule))));
    expect(await result).toEqual(schedule);
  });

  it('takes a schedule answered in the full form as it is', async () => {
    const schedule = scheduleFixture();
    const result = api.schedule('p1');
    http.expectOne('/api/projects/p1/schedule').flush(schedule);
    expect(await result).toEqual(schedule);
  });
});
