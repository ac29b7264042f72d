/**
 * Reasons a committed task was not done (reasons for variance), in the order the crew lead's
 * phone lists them: 材料未到, 前序未完成, 天气, 居民阻工, 停电未批, 人员不足, 其他.
 */
export const VARIANCE_REASONS = [
  'materials_missing',
  'predecessor_unfinished',
  'weather',
  'residents_blocked',
  'outage_unapproved',
  'short_staffed',
  'other',
] as const;
export type VarianceReason = (typeof VARIANCE_REASONS)[number];

/** What a crew lead reports on a task with one tap. */
export const REPORT_KINDS = ['started', 'progress', 'done', 'not_done'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A commitment's outcome at the end of its week; `null` while the week runs. */
export const COMMITMENT_OUTCOMES = ['done', 'not_done'] as const;
export type CommitmentOutcome = (typeof COMMITMENT_OUTCOMES)[number];
