import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { NoticeReason } from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';
import { DataSource } from 'typeorm';
import { NOTICE_CLOCK, NoticeClock } from './notice-clock';
import { NoticeStore } from './notice-store.service';
import { queryRows } from './sql';

/**
 * Turns the amendment outbox into amended notices: once a crew's plan for a date has been
 * quiet for NOTICE_AMEND_QUIET_SECONDS (or kept changing for three times as long), the
 * crew's day is composed again and, if it differs from the last sent revision, the next
 * revision is stored with its deliveries. The outbox row goes only if no newer change came.
 */
@Injectable()
export class AmendmentsService {
  private readonly logger = new Logger(AmendmentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: NoticeStore,
    private readonly config: AppConfig,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {}

  /** Processes due outbox rows; returns the deliveries to send. */
  async processDue(limit = 200): Promise<string[]> {
    const now = this.clock();
    const quiet = this.config.NOTICE_AMEND_QUIET_SECONDS * 1000;
    // changed_at as text: PostgreSQL keeps microseconds, a JS Date only milliseconds.
    const rows = await queryRows<{ crew_id: string; notice_date: string; changed_at: string }>(
      this.dataSource.manager,
      `SELECT crew_id, to_char(notice_date, 'YYYY-MM-DD') AS notice_date, changed_at::text AS changed_at FROM notice_amendments_owed
        WHERE changed_at <= $1 OR first_changed_at <= $2 ORDER BY first_changed_at LIMIT $3`,
      [new Date(now - quiet), new Date(now - 3 * quiet), limit],
    );
    const today = localDateOf(now, this.config.APP_TIMEZONE);
    const deliveryIds: string[] = [];
    for (const row of rows) {
      if (row.notice_date >= today) {
        const result = await this.store.createRevision(row.crew_id, row.notice_date, NoticeReason.Amendment);
        if (result.outcome === 'created') {
          deliveryIds.push(...result.deliveryIds);
          this.logger.log(`amended notice for crew ${row.crew_id} on ${row.notice_date}`);
        }
      }
      await this.dataSource.query(
        'DELETE FROM notice_amendments_owed WHERE crew_id = $1 AND notice_date = $2 AND changed_at = $3::timestamptz',
        [row.crew_id, row.notice_date, row.changed_at],
      );
    }
    return deliveryIds;
  }
}
