import { TaskStatus } from '@worksite/shared-domain';
import { isLocalDate } from '@worksite/shared-util-time';
import { GanttFilter } from './gantt-filter';

/**
 * The filter in the URL's query: `q` text, `dept`, `crew`, `site`, `status` comma-separated
 * lists, `critical=1`, `conflicts=1`, `from` and `to` local dates. Unset parts are absent, so a
 * link holds only what was chosen; what is unreadable (a bad date, an unknown status) is dropped.
 */
export const FILTER_PARAMS = ['q', 'dept', 'crew', 'site', 'status', 'critical', 'conflicts', 'from', 'to'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

const STATUSES: readonly string[] = Object.values(TaskStatus);
const MAX_TEXT = 200;
const MAX_ITEMS = 100;

const list = (value: string | null | undefined) =>
  [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_ITEMS);
const date = (value: string | null | undefined) => (value && isLocalDate(value) ? value : null);
const flag = (value: string | null | undefined) => value === '1' || value === 'true';

/** Reads the filter from query parameters (`get` returns a parameter or null). */
export function filterFromParams(get: (name: FilterParam) => string | null | undefined): GanttFilter {
  let from = date(get('from'));
  let to = date(get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    text: (get('q') ?? '').slice(0, MAX_TEXT),
    departments: list(get('dept')),
    crews: list(get('crew')),
    compounds: list(get('site')),
    statuses: list(get('status')).filter((s) => STATUSES.includes(s)),
    critical: flag(get('critical')),
    conflicts: flag(get('conflicts')),
    from,
    to,
  };
}

/** Query parameters for the filter; unset parts are null (so a merge removes them from the URL). */
export function filterToParams(filter: GanttFilter): Record<FilterParam, string | null> {
  const joined = (values: readonly string[]) => (values.length ? values.join(',') : null);
  return {
    q: filter.text.trim() ? filter.text : null,
    dept: joined(filter.departments),
    crew: joined(filter.crews),
    site: joined(filter.compounds),
    status: joined(filter.statuses),
    critical: filter.critical ? '1' : null,
    conflicts: filter.conflicts ? '1' : null,
    from: filter.from,
    to: filter.to,
  };
}
