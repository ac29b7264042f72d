import { Injectable, Logger } from '@nestjs/common';
import { ANNOUNCEMENTS_LEDGER, AttemptLedger, queryRows } from '@worksite/notices-data-access';
import { AttemptOutcome } from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { announcementRobotBody } from '@worksite/shared-announcements';
import { ChannelKind, DeliveryStatus } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { ProviderError } from './provider-error';
import { RobotChannel } from './robot.channel';
import { RobotRateLimiter } from './robot-rate-limiter';

/** How one attempt at a robot post ended. */
export type RobotPostResult = 'sent' | 'waiting' | 'failed' | 'elsewhere';

/**
 * Posts announcements to the buildings' group robots with the crews' delivery machinery: a
 * delivery row per post and robot written `planned` in the post's transaction (unique, so a
 * post reaches each robot once), the robot's rate limit, the claim committed before the call,
 * the outcome recorded by the same state machine (AttemptLedger), signing and the outbound
 * allow-list of RobotChannel.
 */
@Injectable()
export class AnnouncementRobotPosts {
  private readonly logger = new Logger(AnnouncementRobotPosts.name);
  private readonly ledger: AttemptLedger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly robots: RobotChannel,
    private readonly limiter: RobotRateLimiter,
    config: AppConfig,
  ) {
    this.ledger = new AttemptLedger(dataSource, ANNOUNCEMENTS_LEDGER, () => ({
      maxAttempts: config.NOTICE_MAX_ATTEMPTS,
      baseDelayMs: config.NOTICE_RETRY_BASE_SECONDS * 1000,
    }));
  }

  /** Writes the post's deliveries (planned) to the robots of the buildings, in the caller's transaction. */
  async plan(manager: EntityManager, postId: string, buildingIds: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO announcement_deliveries (post_id, robot_id, kind, address)
       SELECT $1, r.id, r.kind, r.webhook FROM location_robots r WHERE r.location_id = ANY($2::uuid[])
       ON CONFLICT (post_id, robot_id) DO NOTHING RETURNING id`,
      [postId, buildingIds],
    );
    return rows.map((row) => row.id);
  }

  /** Deliveries of an announcement still owed (planned): what a retry sends, and nothing else. */
  async owed(announcementId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT d.id FROM announcement_deliveries d JOIN announcement_posts p ON p.id = d.post_id
        WHERE p.announcement_id = $1 AND d.status = 'planned' ORDER BY d.created_at`,
      [announcementId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The worker's watchdog: posts interrupted mid-send end unknown (never sent again by
   * themselves), and planned ones that are due (a retry's backoff or a throttle passed) are tried.
   */
  async sweep(now: number, sendingTimeoutMs: number, limit = 50): Promise<number> {
    await this.ledger.sweepInterrupted(new Date(now - sendingTimeoutMs));
    const due = await this.ledger.owed(new Date(now), new Date(now + 1), limit);
    await this.attemptAll(due, now);
    return due.length;
  }

  async attemptAll(ids: readonly string[], now = Date.now()): Promise<RobotPostResult[]> {
    const results: RobotPostResult[] = [];
    for (const id of ids) results.push(await this.attempt(id, now));
    return results;
  }

  /** One attempt: safe to repeat from anywhere (a sent or claimed delivery is left alone). */
  async attempt(id: string, now = Date.now()): Promise<RobotPostResult> {
    const [row] = await queryRows<{ kind: ChannelKind; address: string; status: DeliveryStatus }>(
      this.dataSource.manager,
      'SELECT kind, address, status FROM announcement_deliveries WHERE id = $1',
      [id],
    );
    if (!row || row.status !== DeliveryStatus.Planned) return 'elsewhere';
    const wait = await this.limiter.reserve(row.kind, row.address, now);
    if (wait > 0) {
      await this.ledger.defer(id, new Date(now + wait));
      return 'waiting';
    }
    const claim = this.ledger.claimStatement(id, new Date(now), 'id, attempts, kind, address, robot_id, post_id');
    const [claimed] = await queryRows<{
      id: string;
      attempts: number;
      kind: ChannelKind;
      address: string;
      robot_id: string;
      post_id: string;
    }>(this.dataSource.manager, claim.text, claim.params);
    if (!claimed) return 'elsewhere';
    const [post] = await queryRows<{ text: string; emergency: boolean; secret: string | null }>(
      this.dataSource.manager,
      `SELECT p.text, a.emergency, r.secret FROM announcement_posts p JOIN announcements a ON a.id = p.announcement_id
         JOIN location_robots r ON r.id = $2 WHERE p.id = $1`,
      [claimed.post_id, claimed.robot_id],
    );
    let outcome: AttemptOutcome;
    try {
      const response = await this.robots.send(
        claimed.kind,
        claimed.address,
        post?.secret ?? null,
        announcementRobotBody(claimed.kind, post?.text ?? '', post?.emergency ?? false),
        now,
      );
      outcome = { kind: 'sent', response };
    } catch (error) {
      const failure = error instanceof ProviderError ? error : new ProviderError(String(error), 'not-delivered');
      this.logger.warn(`announcement delivery ${id}: ${failure.message}`);
      outcome =
        failure.outcome === 'unknown'
          ? { kind: 'unknown', error: failure.message }
          : { kind: 'not-delivered', error: failure.message, response: failure.response, retriable: true };
    }
    const recorded = await this.ledger.record(claimed, outcome);
    if (!recorded) return 'elsewhere';
    if (recorded.status === DeliveryStatus.Sent) return 'sent';
    return recorded.status === DeliveryStatus.Planned ? 'waiting' : 'failed';
  }
}
