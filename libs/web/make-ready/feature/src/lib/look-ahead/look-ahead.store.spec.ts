import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { LookAheadStore } from './look-ahead.store';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });
const tick = () => new Promise((resolve) => setTimeout(resolve));
const look = (rows: unknown[] = []) => ({
  projectId: 'p1',
  from: '2026-03-04',
  to: '2026-04-14',
  weeks: 6,
  rows,
  counts: { ready: 0, notReady: rows.length },
});

describe('LookAheadStore', () => {
  let store: LookAheadStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [LookAheadStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(LookAheadStore);
    http = TestBed.inject(HttpTestingController);
    store.now.set(Date.parse('2026-03-04T02:00:00Z'));
    const opened = store.open('p1');
    http.expectOne('/api/projects/p1').flush(scheduleFixture().project);
    http
      .expectOne((r) => r.url === '/api/departments')
      .flush(
        page([
          { id: 'power', name: '电力公司' },
          { id: 'mobile', name: '中国移动' },
        ]),
      );
    http
      .expectOne((r) => r.url === '/api/crews')
      .flush(
        page([
          { id: 'crew-power', name: '电力一班', departmentId: 'power' },
          { id: 'crew-mobile', name: '移动一班', departmentId: 'mobile' },
        ]),
      );
    http
      .expectOne((r) => r.url === '/api/locations')
      .flush(
        page([
          { id: 'c1', kind: 'compound', name: '八经小区', parentId: null },
          { id: 'b1', kind: 'building', name: '32号楼', parentId: 'c1' },
          { id: 'u1', kind: 'unit', name: '1单元', parentId: 'b1' },
        ]),
      );
    await tick();
    const first = http.expectOne((r) => r.url === '/api/projects/p1/look-ahead');
    expect(first.request.params.get('weeks')).toBe('6');
    expect(first.request.params.get('from')).toBe('2026-03-04');
    expect(first.request.params.has('departmentId')).toBe(false);
    first.flush(look());
    await opened;
  });

  afterEach(() => http.verify());

  it('offers compounds and buildings (not units) by their path', () => {
    expect(store.places()).toEqual([
      { id: 'c1', label: '八经小区' },
      { id: 'b1', label: '八经小区 › 32号楼' },
    ]);
  });

  it('asks again with the filters; another department drops a crew that is not its own', async () => {
    const crew = store.filter({ crewId: 'crew-power', weeks: 2 });
    const byCrew = http.expectOne((r) => r.url === '/api/projects/p1/look-ahead');
    expect(byCrew.request.params.get('crewId')).toBe('crew-power');
    expect(byCrew.request.params.get('weeks')).toBe('2');
    byCrew.flush(look());
    await crew;

    const department = store.filter({ departmentId: 'mobile' });
    expect(store.crews().map((c) => c.id)).toEqual(['crew-mobile']);
    const byDepartment = http.expectOne((r) => r.url === '/api/projects/p1/look-ahead');
    expect(byDepartment.request.params.get('departmentId')).toBe('mobile');
    expect(byDepartment.request.params.has('crewId')).toBe(false);
    byDepartment.flush(look());
    await department;
    expect(store.filters()).toEqual({ weeks: 2, departmentId: 'mobile', crewId: '', locationId: '' });
  });

  it('keeps the newest answer when filters change quickly', async () => {
    const a = store.filter({ weeks: 3 });
    const b = store.filter({ weeks: 4 });
    const [old, latest] = http.match((r) => r.url === '/api/projects/p1/look-ahead');
    latest.flush({ ...look(), weeks: 4 });
    old.flush({ ...look(), weeks: 3 });
    await Promise.all([a, b]);
    expect(store.data()?.weeks).toBe(4);
    expect(store.weeks()).toHaveLength(4);
  });

  it('marks a constraint cleared from the list and reads the list again; a refusal is said', async () => {
    const permit = { id: 'c9', version: 3 } as never;
    const cleared = store.clear(permit);
    expect(store.clearing.clearing()).toBe('c9');
    const request = http.expectOne('/api/constraints/c9/clear');
    expect(request.request.body).toEqual({ version: 3 });
    request.flush({});
    await tick();
    http.expectOne((r) => r.url === '/api/projects/p1/look-ahead').flush(look());
    await cleared;
    expect([store.clearing.clearing(), store.clearing.error()]).toEqual([null, null]);

    const refused = store.clear(permit);
    http
      .expectOne('/api/constraints/c9/clear')
      .flush(
        { statusCode: 409, code: 'make_ready_already_cleared', message: '已经解决了。' },
        { status: 409, statusText: 'Conflict' },
      );
    await tick();
    http.expectOne((r) => r.url === '/api/projects/p1/look-ahead').flush(look());
    await refused;
    expect(store.clearing.error()?.message).toBe('已经解决了。');
  });
});
