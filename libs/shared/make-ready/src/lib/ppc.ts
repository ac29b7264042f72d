import { CommitmentOutcome, VarianceReason } from './variance';

/** The part of a weekly commitment the PPC figures read. */
export interface CommitmentFact {
  readonly outcome: CommitmentOutcome | null;
  readonly reason: VarianceReason | null;
}

/**
 * Percent plan complete: of the week's commitments, the share done (0–100, one decimal);
 * `null` when nothing was committed. Commitments without an outcome count as not done once
 * the week is over — the caller passes only closed weeks, or accepts the running figure.
 */
export function percentPlanComplete(commitments: readonly CommitmentFact[]): number | null {
  if (commitments.length === 0) return null;
  const done = commitments.filter((c) => c.outcome === 'done').length;
  return Math.round((done / commitments.length) * 1000) / 10;
}

/** Reasons for variance, most frequent first (a Pareto chart's bars). */
export function varianceParetoOf(commitments: readonly CommitmentFact[]): { reason: VarianceReason; count: number }[] {
  const counts = new Map<VarianceReason, number>();
  for (const c of commitments) {
    if (c.outcome !== 'not_done') continue;
    const reason = c.reason ?? 'other';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}
