import { effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { BaselineStore } from './baseline.store';
import { BaselineView, baselineFromParams, baselineToParams, sameBaselineView } from './baseline-url';

/**
 * Keeps the chosen baseline and the open comparison in the URL's query (call in an injection
 * context): a reload or a shared link shows the same baseline bars and comparison. What was last
 * agreed between the URL and the store decides which side changed, so neither undoes the other.
 */
export function syncBaselineWithUrl(baselines: BaselineStore): void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const query = toSignal(route.queryParamMap, { requireSync: true });
  let agreed: BaselineView = { baseline: null, compare: null };
  effect(() => {
    const params = query();
    const fromUrl = baselineFromParams((name) => params.get(name));
    untracked(() => {
      if (sameBaselineView(fromUrl, agreed)) return;
      agreed = fromUrl;
      void baselines.show(fromUrl.baseline, fromUrl.compare);
    });
  });
  effect(() => {
    const view: BaselineView = { baseline: baselines.selectedId(), compare: baselines.comparing() };
    untracked(() => {
      if (sameBaselineView(view, agreed)) return;
      agreed = view;
      void router.navigate([], {
        relativeTo: route,
        queryParams: baselineToParams(view),
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    });
  });
}
