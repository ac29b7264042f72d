import { Injectable } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { outboundPolicy } from '@worksite/server-outbound';
import { ChannelKind } from '@worksite/shared-domain';
import { HttpAnswer, postJson } from './http-post';
import { ProviderError } from './provider-error';
import { dingTalkSignedUrl, feishuSignature } from './robot-signing';

/**
 * Posts to WeCom, DingTalk and Feishu group-chat robots, signing for DingTalk and Feishu
 * when the channel has a secret. Each answers HTTP 200 with an error code in the body:
 * anything but 0 means the message was not posted.
 */
@Injectable()
export class RobotChannel {
  constructor(private readonly config: AppConfig) {}

  async send(kind: ChannelKind, webhook: string, secret: string | null, body: Record<string, unknown>, now: number) {
    let url = webhook;
    let payload = body;
    if (kind === ChannelKind.DingTalk && secret) url = dingTalkSignedUrl(webhook, secret, now);
    if (kind === ChannelKind.Feishu && secret)
      payload = { ...feishuSignature(secret, Math.floor(now / 1000)), ...body };
    const answer = await postJson(url, payload, {
      timeoutMs: this.config.PROVIDER_TIMEOUT_MS,
      what: `${kind} robot`,
      policy: outboundPolicy(this.config),
    });
    const code = robotCode(answer);
    if (code !== 0) {
      const message = robotMessage(answer);
      throw new ProviderError(`${kind} robot answered code ${code}: ${message}`, 'not-delivered', answer);
    }
    return answer;
  }
}

function robotCode(answer: HttpAnswer): number {
  const body = (answer.body ?? {}) as Record<string, unknown>;
  const code = body['errcode'] ?? body['code'] ?? body['StatusCode'];
  return typeof code === 'number' ? code : Number(code ?? 0);
}

function robotMessage(answer: HttpAnswer): string {
  const body = (answer.body ?? {}) as Record<string, unknown>;
  return String(body['errmsg'] ?? body['msg'] ?? body['StatusMessage'] ?? '');
}
