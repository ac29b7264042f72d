import { Inject, Injectable } from '@nestjs/common';
import { escalationAlert } from '@worksite/notices-domain';
import { EscalationAlertsService, NOTICE_CLOCK, NoticeClock } from '@worksite/notices-data-access';
import { AppConfig } from '@worksite/server-config';
import { EmailChannel } from './email.channel';
import { SmsChannel } from './sms.channel';
import { alertIdempotencyKey } from './idempotency';
import { DispatchResult } from './crew-dispatch.service';
import { sendLedgerMessage } from './ledger-message-sender';

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
    const channels = { email: this.email, sms: this.sms, mailDomain: new URL(this.config.PUBLIC_URL).hostname };
    return sendLedgerMessage(
      channels,
      this.alerts,
      claim,
      { ...message, sms: `${message.subject}\n${message.text}`.slice(0, 300) },
      alertIdempotencyKey(claim.id),
    );
  }
}
