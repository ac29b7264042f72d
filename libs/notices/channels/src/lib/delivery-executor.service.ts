import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AckService,
  AttemptOutcome,
  CarriedRecord,
  ClaimedDelivery,
  DeliveryLedger,
  DeliveryRow,
  FreshDelivery,
  NOTICE_CLOCK,
  NoticeClock,
  Recorded,
} from '@worksite/notices-data-access';
import { AppConfig } from '@worksite/server-config';
import { ChannelKind, DeliveryStatus, FINAL_DELIVERY_STATUSES } from '@worksite/shared-domain';
import { EmailChannel } from './email.channel';
import { emailFor, robotBodyFor, smsTextFor } from './message-builder';
import { attemptOutcome } from './attempt-outcome';
import { ROBOT_KINDS } from './robot-limits';
import { RobotChannel } from './robot.channel';
import { RobotRateLimiter } from './robot-rate-limiter';
import { SmsChannel } from './sms.channel';
import { deliveryIdempotencyKey } from './idempotency';
import { SlotLease, Slots } from './slots';

/** What an email's slot passes to the next holder: the record it owes, and when that is written. */
interface SlotDebt {
  carried: CarriedRecord;
  /** Resolves once the previous holder's message is recorded (carried, or on its own after all). */
  settled: Promise<void>;
}

const NO_SLOT: SlotLease<SlotDebt> = { release: () => undefined, handOver: () => false };

/** What one attempt at a delivery came to. `until`: when to look at it again (retry or throttle). */
export type AttemptResult =
  | { state: 'ended'; status: DeliveryStatus }
  | { state: 'waiting'; until: number }
  /** Another worker holds it (sending), or it does not exist. */
  | { state: 'elsewhere' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one attempt of a delivery: checks the robot's rate limit (a throttled send waits and
 * uses no attempt), claims the delivery in PostgreSQL (committed `sending`), calls the
 * provider, and records the outcome. Safe to call any number of times, from any worker.
 */
@Injectable()
export class DeliveryExecutor {
  private readonly logger = new Logger(DeliveryExecutor.name);
  private readonly uidDomain: string;
  /** One per SMTP connection: a claimed email is always with a connection (see Slots). */
  private readonly emailSlots: Slots<SlotDebt>;

  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly acks: AckService,
    private readonly email: EmailChannel,
    private readonly robots: RobotChannel,
    private readonly sms: SmsChannel,
    private readonly limiter: RobotRateLimiter,
    private readonly config: AppConfig,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {
    this.uidDomain = new URL(config.PUBLIC_URL).hostname || 'worksite';
    this.emailSlots = new Slots<SlotDebt>(config.SMTP_POOL_SIZE);
  }

  /**
   * `fresh`: the delivery was just written as planned (its kind and address are known and it
   * is due), so it is not read back first; the claim still checks that it is planned and due.
   */
  async attempt(deliveryId: string, fresh?: FreshDelivery): Promise<AttemptResult> {
    const now = this.clock();
    let row: Pick<DeliveryRow, 'kind' | 'address'> | undefined = fresh;
    if (!row) {
      const stored = await this.ledger.peek(deliveryId);
      if (!stored) return { state: 'elsewhere' };
      if (FINAL_DELIVERY_STATUSES.includes(stored.status)) return { state: 'ended', status: stored.status };
      if (stored.status === DeliveryStatus.Sending) return { state: 'elsewhere' };
      if (stored.next_attempt_at && stored.next_attempt_at.getTime() > now) {
        return { state: 'waiting', until: stored.next_attempt_at.getTime() };
      }
      row = stored;
    }
    if (ROBOT_KINDS.includes(row.kind)) {
      const wait = await this.limiter.reserve(row.kind, row.address, now);
      if (wait > 0) {
        await this.ledger.defer(deliveryId, new Date(now + wait));
        return { state: 'waiting', until: now + wait };
      }
    }
    // Robots and the SMS gateway are called at once (HTTP); an email waits for a free SMTP
    // connection before it is claimed, so that `sending` means "with the provider". An email
    // accepted while another waits for its connection is recorded by that one's claim (SlotDebt).
    const lease = row.kind === ChannelKind.Email ? await this.emailSlots.acquire() : NO_SLOT;
    const debt = lease.inherited;
    let recorded: Recorded | undefined;
    try {
      const claim = await this.ledger.claim(deliveryId, new Date(this.clock()), debt?.carried);
      if (!claim) return { state: 'elsewhere' };
      const outcome = await this.send(claim, now);
      recorded =
        outcome.kind === 'sent' && row.kind === ChannelKind.Email
          ? await this.recordAccepted(lease, claim, outcome)
          : await this.recordPersistently(claim, outcome);
    } finally {
      // The slot goes on only once the message it held before is recorded: one `sending` row per connection.
      if (debt) {
        debt.carried.abandon();
        await debt.settled;
      }
      lease.release();
    }
    if (!recorded) return { state: 'elsewhere' };
    if (recorded.status === DeliveryStatus.Planned) {
      return { state: 'waiting', until: recorded.nextAttemptAt?.getTime() ?? now };
    }
    return { state: 'ended', status: recorded.status };
  }

  private send(claim: ClaimedDelivery, now: number): Promise<AttemptOutcome> {
    const link = this.acks.link(claim.ackToken);
    const { delivery } = claim;
    return attemptOutcome(
      () => {
        switch (delivery.kind) {
          case ChannelKind.Email:
            return this.email.send(emailFor(claim, link, this.uidDomain, now));
          case ChannelKind.Sms:
            return this.sms.send(delivery.address, smsTextFor(claim, link), deliveryIdempotencyKey(delivery.id));
          default:
            return this.robots.send(delivery.kind, delivery.address, claim.secret, robotBodyFor(claim, link), now);
        }
      },
      this.logger,
      `delivery ${delivery.id} (${delivery.kind}) attempt ${delivery.attempts}`,
    );
  }

  /**
   * An accepted email: handed over with its slot to the next email waiting for it, whose claim
   * records it in the same statement; recorded on its own when nobody waits or that fails.
   */
  private async recordAccepted(
    lease: SlotLease<SlotDebt>,
    claim: ClaimedDelivery,
    outcome: AttemptOutcome,
  ): Promise<Recorded | undefined> {
    const carried = new CarriedRecord(
      claim.delivery.id,
      claim.delivery.attempts,
      outcome.kind === 'sent' ? outcome.response : null,
    );
    let paid!: () => void;
    const settled = new Promise<void>((resolve) => (paid = resolve));
    if (!lease.handOver({ carried, settled })) return this.recordPersistently(claim, outcome);
    try {
      return await this.ledger.recordCarried(carried).catch(() => this.recordPersistently(claim, outcome));
    } finally {
      paid();
    }
  }

  /**
   * Records the outcome, retrying while PostgreSQL is unreachable (a restart) for up to twice
   * the sending timeout, so a message the provider accepted is recorded as sent: if the
   * watchdog called it unknown meanwhile, the late answer still turns it into sent (the state
   * machine's `accepted` from unknown).
   */
  private async recordPersistently(claim: ClaimedDelivery, outcome: AttemptOutcome): Promise<Recorded | undefined> {
    const deadline = Date.now() + this.config.NOTICE_SENDING_TIMEOUT_SECONDS * 1000 * 2;
    for (;;) {
      try {
        return await this.ledger.record(claim, outcome);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        this.logger.warn(`recording delivery ${claim.delivery.id} failed (${(error as Error).message}); retrying`);
        await sleep(1000);
      }
    }
  }
}
