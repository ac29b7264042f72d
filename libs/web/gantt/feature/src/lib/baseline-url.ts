/**
 * The baselines in the URL's query, like the filter: `baseline` the one drawn under the bars,
 * `compare` what it is compared with (`current` or another baseline) while the comparison is
 * open. Absent parts are unset; an unreadable id is dropped, a comparison without a baseline too.
 */
export const BASELINE_PARAMS = ['baseline', 'compare'] as const;
export type BaselineParam = (typeof BASELINE_PARAMS)[number];

export interface BaselineView {
  baseline: string | null;
  compare: string | null;
}

const ID = /^[0-9A-Za-z-]{1,64}$/;
const id = (value: string | null | undefined) => (value && ID.test(value) ? value : null);

export function baselineFromParams(get: (name: BaselineParam) => string | null | undefined): BaselineView {
  const baseline = id(get('baseline'));
  return { baseline, compare: baseline ? id(get('compare')) : null };
}

/** Query parameters for the view; unset parts are null (so a merge removes them from the URL). */
export function baselineToParams(view: BaselineView): Record<BaselineParam, string | null> {
  return { baseline: view.baseline, compare: view.baseline ? view.compare : null };
}

export const sameBaselineView = (a: BaselineView, b: BaselineView) =>
  a.baseline === b.baseline && (a.baseline ? a.compare : null) === (b.baseline ? b.compare : null);
