import { Inject, Injectable, Logger } from '@nestjs/common';
import { calloutMessage, calloutRobotBody } from '@worksite/incidents-domain';
import {
  attemptOutcome,
  EmailChannel,
  messageIdOf,
  ROBOT_KINDS,
  RobotChannel,
  RobotRateLimiter,
  SmsChannel,
} from '@worksite/notices-channels';
import { AttemptOutcome, NOTICE_CLOCK, NoticeClock } from '@worksite/notices-data-access';
import { AppConfig } from '@worksite/server-config';
import {
  ChannelKind,
  DeliveryStatus,
  FINAL_DELIVERY_STATUSES,
  IncidentDepartmentStatus,
  IncidentEventKind,
} from '@worksite/shared-domain';
import { CalloutContent } from './callout-content.service';
import { CalloutLedger, ClaimedCallout } from './callout-ledger.service';
import { SYSTEM_INCIDENT_ACTOR } from './incident-actor';
import { IncidentDepartments } from './incident-departments.service';
import { IncidentTimeline } from './incident-timeline.service';

/** What an attempt came to; `until`: when to look again (retry backoff or a throttled robot). */
export type CalloutResult =
  | { state: 'ended'; status: DeliveryStatus }
  | { state: 'waiting'; until: number }
  | { state: 'elsewhere' };

const calloutKey = (id: string) => `incident-${id}`;

/**
 * Sends one incident message: claims it (committed `sending`), calls the provider (email, robot
 * or SMS — the nightly notices' channels), records the outcome. A crew's first accepted
 * call-out marks its department notified; an escalation or reminder sent is put on the timeline.
 */
@Injectable()
export class CalloutExecutor {
  private readonly logger = new Logger(CalloutExecutor.name);
  private readonly uidDomain: string;

  constructor(
    private readonly ledger: CalloutLedger,
    private readonly content: CalloutContent,
    private readonly departments: IncidentDepartments,
    private readonly timeline: IncidentTimeline,
    private readonly email: EmailChannel,
    private readonly robots: RobotChannel,
    private readonly sms: SmsChannel,
    private readonly limiter: RobotRateLimiter,
    private readonly config: AppConfig,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {
    this.uidDomain = new URL(config.PUBLIC_URL).hostname || 'worksite';
  }

  ackLink(token: string): string {
    return `${this.config.PUBLIC_URL}/api/incident-ack/${token}`;
  }

  async attempt(calloutId: string): Promise<CalloutResult> {
    const now = this.clock();
    const stored = await this.ledger.peek(calloutId);
    if (!stored) return { state: 'elsewhere' };
    if (FINAL_DELIVERY_STATUSES.includes(stored.status as DeliveryStatus)) {
      return { state: 'ended', status: stored.status as DeliveryStatus };
    }
    if (stored.status === DeliveryStatus.Sending) return { state: 'elsewhere' };
    if (stored.next_attempt_at && stored.next_attempt_at.getTime() > now) {
      return { state: 'waiting', until: stored.next_attempt_at.getTime() };
    }
    if (ROBOT_KINDS.includes(stored.kind)) {
      const wait = await this.limiter.reserve(stored.kind, stored.address, now);
      if (wait > 0) {
        await this.ledger.defer(calloutId, new Date(now + wait));
        return { state: 'waiting', until: now + wait };
      }
    }
    const claim = await this.ledger.claim(calloutId, new Date(now));
    if (!claim) return { state: 'elsewhere' };
    const outcome = await this.send(claim, now);
    const recorded = await this.ledger.record(claim, outcome);
    if (!recorded) return { state: 'elsewhere' };
    if (recorded.status === DeliveryStatus.Sent) await this.afterSent(claim);
    if (recorded.status === DeliveryStatus.Planned) {
      return { state: 'waiting', until: recorded.nextAttemptAt?.getTime() ?? now };
    }
    return { state: 'ended', status: recorded.status };
  }

  private async afterSent(claim: ClaimedCallout): Promise<void> {
    const detail = { channel: claim.kind };
    if (claim.purpose === 'callout' && claim.incidentDepartmentId) {
      await this.departments.advance(
        claim.incidentDepartmentId,
        IncidentDepartmentStatus.Notified,
        SYSTEM_INCIDENT_ACTOR,
        detail,
      );
    } else if (claim.purpose === 'paperwork') {
      await this.timeline.record({
        incidentId: claim.incidentId,
        kind: IncidentEventKind.PaperworkReminded,
        actor: SYSTEM_INCIDENT_ACTOR,
        detail,
      });
    }
  }

  private send(claim: ClaimedCallout, now: number): Promise<AttemptOutcome> {
    return attemptOutcome(
      () => this.deliver(claim, now),
      this.logger,
      `incident call-out ${claim.id} (${claim.kind}) attempt ${claim.attempts}`,
    );
  }

  private async deliver(claim: ClaimedCallout, now: number): Promise<unknown> {
    const messageId = messageIdOf(calloutKey(claim.id), this.uidDomain);
    if (claim.purpose === 'escalation') {
      const text = await this.content.escalation(
        claim.incidentId,
        claim.incidentDepartmentId as string,
        claim.language,
      );
      return this.sms.send(claim.address, text, calloutKey(claim.id));
    }
    if (claim.purpose === 'paperwork') {
      const reminder = await this.content.paperwork(claim.incidentId, claim.language);
      return claim.kind === ChannelKind.Email
        ? this.email.send({ to: claim.address, subject: reminder.subject, text: reminder.text, messageId })
        : this.sms.send(claim.address, `${reminder.subject}\n${reminder.text}`.slice(0, 300), calloutKey(claim.id));
    }
    const input = await this.content.callout(claim.incidentId, claim.incidentDepartmentId as string, claim.language);
    const message = calloutMessage(input, this.ackLink(claim.ackToken));
    switch (claim.kind) {
      case ChannelKind.Email:
        return this.email.send({
          to: claim.address,
          subject: message.subject,
          text: message.text,
          messageId,
          headers: { 'X-Worksite-Incident': input.code, 'X-Worksite-Callout': claim.id },
        });
      case ChannelKind.Sms:
        return this.sms.send(claim.address, message.sms, calloutKey(claim.id));
      default:
        return this.robots.send(
          claim.kind,
          claim.address,
          claim.secret,
          calloutRobotBody(claim.kind as 'wecom' | 'dingtalk' | 'feishu', message, input.crewLeaderPhone),
          now,
        );
    }
  }
}
