import { Inject, Injectable } from '@nestjs/common';
import { MakeReadyMessagesService, NOTICE_CLOCK, NoticeClock } from '@worksite/notices-data-access';
import { AppConfig } from '@worksite/server-config';
import { DispatchResult } from './crew-dispatch.service';
import { EmailChannel } from './email.channel';
import { makeReadyIdempotencyKey } from './idempotency';
import { sendLedgerMessage } from './ledger-message-sender';
import { SmsChannel } from './sms.channel';

/** Sends one make-ready message (an owner's reminder, a coordinator's 18:00 list) by email or SMS. */
@Injectable()
export class MakeReadyExecutor {
  constructor(
    private readonly messages: MakeReadyMessagesService,
    private readonly email: EmailChannel,
    private readonly sms: SmsChannel,
    private readonly config: AppConfig,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {}

  async attempt(messageId: string): Promise<DispatchResult> {
    const claim = await this.messages.claim(messageId, new Date(this.clock()));
    if (!claim) {
      const next = await this.messages.nextAttempt(messageId);
      return { outcome: 'not-claimed', waitUntil: next ? next.getTime() : undefined };
    }
    const channels = { email: this.email, sms: this.sms, mailDomain: new URL(this.config.PUBLIC_URL).hostname };
    // The body was written for the channel (short for SMS) when the message was made.
    const message = { subject: claim.subject, text: claim.body, sms: claim.body };
    return sendLedgerMessage(channels, this.messages, claim, message, makeReadyIdempotencyKey(claim.id));
  }
}
