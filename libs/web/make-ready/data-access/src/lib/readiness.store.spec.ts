import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ReadinessStore } from './readiness.store';

describe('ReadinessStore', () => {
  let store: ReadinessStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ReadinessStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(ReadinessStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const permit = { id: 'c1', taskId: 't1', kind: 'dig_permit', status: 'open' };

  it('loads a window with the open constraints of the tasks that are not ready, in one request', async () => {
    const loaded = store.load('p1', '2026-12-08', '2026-12-08', true);
    const request = http.expectOne((r) => r.url === '/api/projects/p1/readiness');
    expect(request.request.params.get('constraints')).toBe('open');
    expect(request.request.params.get('from')).toBe('2026-12-08');
    request.flush({
      tasks: [
        { taskId: 't1', ready: false, openConstraints: 1, nextDue: '2026-12-07', constraints: [permit] },
        { taskId: 't2', ready: true, openConstraints: 0, nextDue: null },
      ],
    });
    await loaded;
    expect([...store.notReadyIds()]).toEqual(['t1']);
    expect([...store.openConstraints()]).toEqual([['t1', [permit]]]);
  });

  it('loads readiness alone when the constraints are not wanted, and again the same on refresh', async () => {
    const loaded = store.load('p1');
    const request = http.expectOne((r) => r.url === '/api/projects/p1/readiness');
    expect(request.request.params.has('constraints')).toBe(false);
    request.flush({ tasks: [{ taskId: 't1', ready: false, openConstraints: 1, nextDue: null }] });
    await loaded;
    expect(store.openConstraints().size).toBe(0);
    const again = store.refresh();
    http.expectOne((r) => r.url === '/api/projects/p1/readiness' && !r.params.has('constraints')).flush({ tasks: [] });
    await again;
    expect(store.notReadyIds().size).toBe(0);
  });

  it('marks a constraint cleared and loads again what it showed; a refusal is said', async () => {
    const first = store.load('p1', '2026-12-08', '2026-12-08', true);
    http.expectOne((r) => r.url === '/api/projects/p1/readiness').flush({ tasks: [] });
    await first;
    const cleared = store.clear({ id: 'c1', version: 2 } as never);
    expect(store.clearing.clearing()).toBe('c1');
    const request = http.expectOne('/api/constraints/c1/clear');
    expect(request.request.body).toEqual({ version: 2 });
    request.flush(
      { statusCode: 409, code: 'make_ready_already_cleared', message: '已经解决了。' },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    const again = http.expectOne((r) => r.url === '/api/projects/p1/readiness');
    expect(again.request.params.get('constraints')).toBe('open');
    again.flush({ tasks: [] });
    await cleared;
    expect(store.clearing.clearing()).toBeNull();
    expect(store.clearing.error()?.message).toBe('已经解决了。');
  });
});
