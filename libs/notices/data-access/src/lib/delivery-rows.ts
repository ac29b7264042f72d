import { NoticeChange, NoticeContent } from '@worksite/notices-domain';
import { ChannelKind, DeliveryPurpose, DeliveryStatus, NoticeReason } from '@worksite/shared-domain';

/** A delivery row as the ledger reads it. */
export interface DeliveryRow {
  id: string;
  notice_id: string;
  channel_id: string | null;
  purpose: DeliveryPurpose;
  kind: ChannelKind;
  address: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  claimed_at: Date | null;
}

/** The notice a delivery carries, as stored when it was composed. */
export interface StoredNotice {
  id: string;
  run_id: string | null;
  crew_id: string;
  project_ids: string[];
  notice_date: string;
  revision: number;
  reason: NoticeReason;
  subject: string;
  text: string;
  content: NoticeContent;
  changes: NoticeChange[];
}

/** A delivery this process has claimed (committed as `sending`), with what sending it needs. */
export interface ClaimedDelivery {
  delivery: DeliveryRow;
  notice: StoredNotice;
  /** Signing secret of a DingTalk/Feishu robot. */
  secret: string | null;
  /** The raw acknowledgement token of this attempt (only its hash is stored). */
  ackToken: string;
}

export const NOTICE_COLUMNS = `n.id, n.run_id, n.crew_id, n.project_ids, to_char(n.notice_date, 'YYYY-MM-DD') AS notice_date, n.revision,
  n.reason, n.subject, n.text, n.content, n.changes`;
