import { effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { GanttFilter } from './gantt-filter';
import { FILTER_PARAMS, filterFromParams, filterToParams } from './gantt-filter-url';
import { GanttFiltering } from './gantt-filtering';

const sameParams = (a: GanttFilter, b: GanttFilter) =>
  JSON.stringify(filterToParams(a)) === JSON.stringify(filterToParams(b));

/**
 * Keeps the filter in the URL's query (call in an injection context): the URL is read on load
 * and whenever it changes (a pasted link, back and forward); each change of the filter
 * replaces the current history entry, so typing leaves no trail and Back leaves the page.
 */
export function syncFilterWithUrl(filtering: GanttFiltering): void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const query = toSignal(route.queryParamMap, { requireSync: true });
  // While our own writes are under way, the URL shows older states of the filter: not news.
  let writing = 0;
  effect(() => {
    const params = query();
    const fromUrl = filterFromParams((name) => params.get(name));
    untracked(() => {
      if (writing === 0 && !sameParams(fromUrl, filtering.filter())) filtering.filter.set(fromUrl);
    });
  });
  effect(() => {
    const filter = filtering.filter();
    untracked(() => {
      const params = query();
      const inUrl = filterFromParams((name) => params.get(name));
      if (sameParams(inUrl, filter)) return;
      const queryParams: Record<string, string | null> = filterToParams(filter);
      for (const name of FILTER_PARAMS) if (queryParams[name] === null && !params.has(name)) delete queryParams[name];
      writing++;
      void router
        .navigate([], { relativeTo: route, queryParams, queryParamsHandling: 'merge', replaceUrl: true })
        .finally(() => writing--);
    });
  });
}
