import { addDays } from '@worksite/shared-util-time';
import { VARIANCE_REASONS, VarianceReason } from './variance';
import { weekStartOf } from './weeks';

/** A share in percent with one decimal; null when there is nothing to share. */
function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** Percent plan complete from counts: the same figure as `percentPlanComplete`, for SQL-grouped rows. */
export function ppcOf(committed: number, done: number): number | null {
  return percent(done, committed);
}

/**
 * Tasks made ready (TMR) of a week: of the tasks committed for the week, the share that had no
 * open make-ready constraint when the week began (the plan's freeze). Before the week begins the
 * figure reads each commitment as it was when committed. Percent, one decimal; null when
 * nothing was committed. It measures how well the look-ahead cleared constraints in time, beside
 * PPC which measures how well the commitments were kept.
 */
export function tasksMadeReady(committed: number, madeReady: number): number | null {
  return percent(madeReady, committed);
}

/** Pareto order of variance counts: most frequent first, ties in the phone's list order. */
export function paretoOrder(rows: readonly { reason: VarianceReason; count: number }[]) {
  const rank = (reason: VarianceReason) => VARIANCE_REASONS.indexOf(reason);
  return [...rows].filter((r) => r.count > 0).sort((a, b) => b.count - a.count || rank(a.reason) - rank(b.reason));
}

/** Default range of the PPC report: the `weeks` weeks up to and including the week of `today`. */
export const DEFAULT_PPC_WEEKS = 12;
/** The longest range one PPC report covers, in weeks. */
export const MAX_PPC_WEEKS = 104;

/** The Mondays from the week of `from` to the week of `to`, inclusive. */
export function weekStartsBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let w = weekStartOf(from); w <= to && weeks.length <= MAX_PPC_WEEKS; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** The range `weeks` weeks back from the week of `today`: [first Monday, last Monday]. */
export function lastWeeks(today: string, weeks = DEFAULT_PPC_WEEKS): { from: string; to: string } {
  const to = weekStartOf(today);
  return { from: addDays(to, -7 * (weeks - 1)), to };
}

/** Names of the reasons for variance, as the phone lists them (spreadsheets and charts). */
export const VARIANCE_REASON_NAMES: Record<VarianceReason, { 'zh-CN': string; en: string }> = {
  materials_missing: { 'zh-CN': '材料未到', en: 'Materials missing' },
  predecessor_unfinished: { 'zh-CN': '前序未完成', en: 'Predecessor unfinished' },
  weather: { 'zh-CN': '天气', en: 'Weather' },
  residents_blocked: { 'zh-CN': '居民阻工', en: 'Residents blocked work' },
  outage_unapproved: { 'zh-CN': '停电未批', en: 'Outage not approved' },
  short_staffed: { 'zh-CN': '人员不足', en: 'Short-staffed' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
