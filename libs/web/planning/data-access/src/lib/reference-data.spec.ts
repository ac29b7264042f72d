import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ReferenceData } from './reference-data';
import { locationPath } from './reference.types';

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 500 });

describe('ReferenceData', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  });

  it('loads departments, crews and locations once and resolves location paths', async () => {
    const refs = TestBed.inject(ReferenceData);
    const http = TestBed.inject(HttpTestingController);
    const first = refs.load();
    const second = refs.load();
    http.expectOne((r) => r.url === '/api/departments').flush(page([{ id: 'd', name: '电力' }]));
    http.expectOne((r) => r.url === '/api/crews').flush(page([{ id: 'c', name: '一班' }]));
    http
      .expectOne((r) => r.url === '/api/locations')
      .flush(
        page([
          { id: 'bj', name: '八经小区', parentId: null },
          { id: 'b32', name: '32号楼', parentId: 'bj' },
          { id: 'u1', name: '1单元', parentId: 'b32' },
        ]),
      );
    const maps = await first;
    expect(await second).toBe(maps);
    expect(maps.departments.get('d')?.name).toBe('电力');
    expect(locationPath(maps, 'u1')).toBe('八经小区 › 32号楼 › 1单元');
    expect(locationPath(maps, null)).toBe('');
    http.verify();
  });

  it('tries again after a failed load', async () => {
    const refs = TestBed.inject(ReferenceData);
    const http = TestBed.inject(HttpTestingController);
    const failed = refs.load();
    http.expectOne((r) => r.url === '/api/departments').flush({}, { status: 503, statusText: 'down' });
    await expect(failed).rejects.toMatchObject({ status: 503 });
    // forkJoin cancelled the other two requests when the first failed.
    expect(http.match(() => true).every((r) => r.cancelled)).toBe(true);
    const again = refs.load();
    for (const url of ['/api/departments', '/api/crews', '/api/locations'])
      http.expectOne((r) => r.url === url).flush(page([]));
    expect((await again).crews.size).toBe(0);
  });
});
