import { AttemptOutcome } from '@worksite/notices-domain';
import { ChannelKind } from '@worksite/shared-domain';
import { DispatchResult } from './crew-dispatch.service';
import { EmailChannel } from './email.channel';
import { messageIdOf } from './idempotency';
import { ProviderError } from './provider-error';
import { SmsChannel } from './sms.channel';

/** A claimed row of a ledger of email/SMS messages (coordinator alerts, make-ready messages). */
export interface ClaimedLedgerMessage {
  id: string;
  attempts: number;
  kind: ChannelKind;
  address: string;
}

/** The ledger a message belongs to: how an attempt is recorded and when the next may run. */
export interface MessageLedger {
  record(claim: ClaimedLedgerMessage, outcome: AttemptOutcome): Promise<unknown>;
  nextAttempt(id: string): Promise<Date | null | undefined>;
}

/**
 * Sends one claimed message by email (Message-ID from the idempotency key) or SMS (the key
 * given to the gateway) and records the outcome: sent, not delivered (retried with backoff),
 * or unknown (never sent again automatically).
 */
export async function sendLedgerMessage(
  channels: { email: EmailChannel; sms: SmsChannel; mailDomain: string },
  ledger: MessageLedger,
  claim: ClaimedLedgerMessage,
  message: { subject: string; text: string; sms: string },
  idempotencyKey: string,
): Promise<DispatchResult> {
  try {
    const response =
      claim.kind === ChannelKind.Email
        ? await channels.email.send({
            to: claim.address,
            subject: message.subject,
            text: message.text,
            messageId: messageIdOf(idempotencyKey, channels.mailDomain),
          })
        : await channels.sms.send(claim.address, message.sms, idempotencyKey);
    await ledger.record(claim, { kind: 'sent', response });
    return { outcome: 'sent' };
  } catch (error) {
    const failure = error instanceof ProviderError ? error : new ProviderError(String(error), 'not-delivered');
    await ledger.record(
      claim,
      failure.outcome === 'unknown'
        ? { kind: 'unknown', error: failure.message }
        : { kind: 'not-delivered', error: failure.message, retriable: true },
    );
    const next = await ledger.nextAttempt(claim.id);
    return { outcome: failure.outcome, waitUntil: next ? next.getTime() : undefined };
  }
}
