import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { baselineFromParams, baselineToParams } from './baseline-url';
import { syncBaselineWithUrl } from './baseline-sync';
import { BaselineStore } from './baseline.store';
import { GanttStore } from './gantt.store';

@Component({ template: '' })
class Blank {}

const detail = (id: string) => ({
  id,
  projectId: 'p1',
  name: id,
  createdById: null,
  createdByName: 'x',
  createdAt: '2026-03-01T00:00:00Z',
  taskCount: 0,
  tasks: [],
});
const comparison = (id: string, other: string | null) => ({
  baseline: detail(id),
  with: other ? detail(other) : null,
  items: [],
  unchanged: 0,
});

describe('baselines in the URL', () => {
  it('reads the baseline and the comparison, dropping what cannot be an id and a comparison alone', () => {
    const read = (query: string) => {
      const params = new URLSearchParams(query);
      return baselineFromParams((name) => params.get(name));
    };
    expect(read('baseline=b1&compare=current')).toEqual({ baseline: 'b1', compare: 'current' });
    expect(read('baseline=a%20b&compare=current')).toEqual({ baseline: null, compare: null });
    expect(read('compare=b2')).toEqual({ baseline: null, compare: null });
    expect(baselineToParams({ baseline: null, compare: 'b2' })).toEqual({ baseline: null, compare: null });
  });

  it('shows the baseline and comparison a link names, and follows the choices made on the page', async () => {
    TestBed.configureTestingModule({
      providers: [
        GanttStore,
        BaselineStore,
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ lang: 'zh-CN' }),
        provideRouter([{ path: 'gantt', component: Blank }]),
      ],
    });
    const router = TestBed.inject(Router);
    const http = TestBed.inject(HttpTestingController);
    const store = TestBed.inject(BaselineStore);
    await router.navigateByUrl('/gantt?q=电缆&baseline=b1&compare=b2');
    TestBed.runInInjectionContext(() => syncBaselineWithUrl(store));
    TestBed.tick();
    // The project becomes known after the URL was read (the page loads it).
    const loaded = store.load('p1');
    http.expectOne('/api/projects/p1/baselines').flush({ items: [detail('b1'), detail('b2')] });
    await loaded;
    http.expectOne('/api/projects/p1/baselines/b1').flush(detail('b1'));
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne((r) => r.url === '/api/projects/p1/baselines/b1/compare').flush(comparison('b1', 'b2'));
    await new Promise((resolve) => setTimeout(resolve));
    expect(store.selectedId()).toBe('b1');
    expect(store.comparison()?.with?.id).toBe('b2');
    expect(router.url).toBe('/gantt?q=%E7%94%B5%E7%BC%86&baseline=b1&compare=b2');

    // Closing the comparison, then choosing another baseline: the URL follows, the filter stays.
    store.closeComparison();
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/gantt?q=%E7%94%B5%E7%BC%86&baseline=b1');
    const chosen = store.select('b2');
    http.expectOne('/api/projects/p1/baselines/b2').flush(detail('b2'));
    await chosen;
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/gantt?q=%E7%94%B5%E7%BC%86&baseline=b2');
    await store.select(null);
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/gantt?q=%E7%94%B5%E7%BC%86');
    http.verify();
  });
});
