import { DestroyRef, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { GanttFilter } from './gantt-filter';
import { FILTER_PARAMS, filterFromParams, filterToParams } from './gantt-filter-url';
import { GanttFiltering } from './gantt-filtering';

/**
 * The URL follows the filter once it has been still this long: the rows follow each keystroke
 * at once, while a history update (tens of ms in Chromium) waits for a pause in the typing.
 */
export const URL_WRITE_DELAY_MS = 300;

const sameParams = (a: GanttFilter, b: GanttFilter) =>
  JSON.stringify(filterToParams(a)) === JSON.stringify(filterToParams(b));

/**
 * Keeps the filter in the URL's query (call in an injection context): the URL is read on load
 * and whenever it changes (a pasted link, back and forward); a change of the filter replaces
 * the current history entry, so typing leaves no trail and Back leaves the page.
 */
export function syncFilterWithUrl(filtering: GanttFiltering): void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const query = toSignal(route.queryParamMap, { requireSync: true });
  // While our own write is waiting or under way, the URL shows an older filter: not news.
  let writing = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  inject(DestroyRef).onDestroy(() => clearTimeout(timer));
  const urlFilter = () => {
    const params = query();
    return filterFromParams((name) => params.get(name));
  };
  const write = () => {
    timer = undefined;
    const params = query();
    const filter = filtering.filter();
    if (sameParams(urlFilter(), filter)) return;
    const queryParams: Record<string, string | null> = filterToParams(filter);
    for (const name of FILTER_PARAMS) if (queryParams[name] === null && !params.has(name)) delete queryParams[name];
    writing++;
    void router
      .navigate([], { relativeTo: route, queryParams, queryParamsHandling: 'merge', replaceUrl: true })
      .finally(() => writing--);
  };
  effect(() => {
    const fromUrl = urlFilter();
    untracked(() => {
      if (writing === 0 && timer === undefined && !sameParams(fromUrl, filtering.filter()))
        filtering.filter.set(fromUrl);
    });
  });
  effect(() => {
    const filter = filtering.filter();
    untracked(() => {
      clearTimeout(timer);
      timer = sameParams(urlFilter(), filter) ? undefined : setTimeout(write, URL_WRITE_DELAY_MS);
    });
  });
}
