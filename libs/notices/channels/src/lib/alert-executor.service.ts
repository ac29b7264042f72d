import { Inject, Injectable } from '@nestjs/common';
import { escalationAlert } from '@worksite/notices-domain';
import { EscalationAlertsService, NOTICE_CLOCK, NoticeClock } from '@worksite/notices-data-access';
import { AppConfig } from '@worksite/server-config';
import { ChannelKind } from '@worksite/shared-domain';
import { EmailChannel } from './email.channel';
import { ProviderError } from './provider-error';
import { SmsChannel } from './sms.channel';
import { alertIdempotencyKey, messageIdOf } from './idempotency';
import { DispatchResult } from './crew-dispatch.service';

/** Sends one coordinator alert of the morning escalation (email, or SMS to the project's phone). */
@Injectable()
export class AlertExecutor {
  constructor(
    private readonly alerts: EscalationAlertsService,
    private readonly email: EmailChannel,
    private readonly sms: SmsChannel,
    private readonly config: AppConfig,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {}

  async attempt(alertId: string): Promise<DispatchResult> {
    const now = this.clock();
    const claim = await this.alerts.claim(alertId, new Date(now));
    if (!claim) {
      const next = await this.alerts.nextAttempt(alertId);
      return { outcome: 'not-claimed', waitUntil: next ? next.getTime() : undefined };
    }
    const message = escalationAlert(claim.language, claim.alertDate, claim.projectName, claim.crews);
    try {
      const response =
        claim.kind === ChannelKind.Email
          ? await this.email.send({
              to: claim.address,
              subject: message.subject,
              text: message.text,
              messageId: messageIdOf(alertIdempotencyKey(claim.id), new URL(this.config.PUBLIC_URL).hostname),
            })
          : await this.sms.send(
              claim.address,
              `${message.subject}\n${message.text}`.slice(0, 300),
              alertIdempotencyKey(claim.id),
            );
      await this.alerts.record(claim, { kind: 'sent', response });
      return { outcome: 'sent' };
    } catch (error) {
      const failure = error instanceof ProviderError ? error : new ProviderError(String(error), 'not-delivered');
      await this.alerts.record(
        claim,
        failure.outcome === 'unknown'
          ? { kind: 'unknown', error: failure.message }
          : { kind: 'not-delivered', error: failure.message, retriable: true },
      );
      const next = await this.alerts.nextAttempt(alertId);
      return { outcome: failure.outcome, waitUntil: next ? next.getTime() : undefined };
    }
  }
}
