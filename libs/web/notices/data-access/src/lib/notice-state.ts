import { DeliveryDto, DeliveryPurpose, DeliveryStatus, NoticeDto, NoticeReason } from '@worksite/shared-domain';

/** What a coordinator needs to know about a crew's notice for a day, most important first. */
export type NoticeState = 'acknowledged' | 'failed' | 'unknown' | 'sending' | 'sent' | 'not-sent';

/** A crew's notice summarised: its state, whether it is an amendment, and its revision. */
export interface NoticeSummary {
  state: NoticeState;
  amended: boolean;
  revision: number;
  notice: NoticeDto | null;
}

/** The newest revision per crew (the API lists every revision). */
export function latestByCrew(notices: readonly NoticeDto[]): Map<string, NoticeDto> {
  const latest = new Map<string, NoticeDto>();
  for (const notice of notices) {
    const seen = latest.get(notice.crewId);
    if (!seen || notice.revision > seen.revision) latest.set(notice.crewId, notice);
  }
  return latest;
}

/**
 * Acknowledged wins; sent when at least one channel delivered it; then deliveries still on
 * their way; failed (or unknown outcome) when none got through.
 */
export function summarizeNotice(notice: NoticeDto | null | undefined): NoticeSummary {
  if (!notice) return { state: 'not-sent', amended: false, revision: 0, notice: null };
  const deliveries: DeliveryDto[] = (notice.deliveries ?? []).filter((d) => d.purpose !== DeliveryPurpose.Reminder);
  const has = (status: DeliveryStatus) => deliveries.some((d) => d.status === status);
  let state: NoticeState;
  if (notice.acknowledgedAt) state = 'acknowledged';
  else if (has(DeliveryStatus.Sent)) state = 'sent';
  else if (has(DeliveryStatus.Planned) || has(DeliveryStatus.Sending)) state = 'sending';
  else if (has(DeliveryStatus.Failed)) state = 'failed';
  else if (has(DeliveryStatus.Unknown)) state = 'unknown';
  // Every channel skipped (disabled): nothing reached the crew.
  else if (deliveries.length > 0) state = 'failed';
  // Without delivery rows (e.g. a list item), the notice's own completion says enough.
  else state = notice.completedAt ? 'sent' : 'sending';
  return {
    state,
    amended: notice.reason === NoticeReason.Amendment || notice.revision > 1,
    revision: notice.revision,
    notice,
  };
}

/** A run is live while it is pending or running: the page polls it for progress. */
export function runIsLive(status: string | null | undefined): boolean {
  return status === 'pending' || status === 'running';
}
