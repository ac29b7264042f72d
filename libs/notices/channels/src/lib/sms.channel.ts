import { Injectable } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { outboundPolicy } from '@worksite/server-outbound';
import { postJson } from './http-post';
import { ProviderError } from './provider-error';

/**
 * Sends SMS through the HTTP gateway of SMS_GATEWAY_URL: POST {to, text, idempotencyKey}
 * (Bearer SMS_GATEWAY_TOKEN if set); any 2xx is accepted. The idempotency key (the delivery
 * and attempt) lets a gateway that supports it drop a repeated request.
 */
@Injectable()
export class SmsChannel {
  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.SMS_GATEWAY_URL !== '';
  }

  async send(to: string, text: string, idempotencyKey: string) {
    if (!this.enabled) throw new ProviderError('no SMS gateway configured', 'not-delivered');
    return postJson(
      this.config.SMS_GATEWAY_URL,
      { to, text, idempotencyKey },
      {
        timeoutMs: this.config.PROVIDER_TIMEOUT_MS,
        what: 'SMS gateway',
        policy: outboundPolicy(this.config),
        headers: {
          'idempotency-key': idempotencyKey,
          ...(this.config.SMS_GATEWAY_TOKEN ? { authorization: `Bearer ${this.config.SMS_GATEWAY_TOKEN}` } : {}),
        },
      },
    );
  }
}
