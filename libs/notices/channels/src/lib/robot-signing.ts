import { createHmac } from 'node:crypto';

/**
 * DingTalk "加签": sign = base64(HMAC-SHA256(key = secret, message = `${timestamp}\n${secret}`)),
 * sent as `timestamp` (ms) and url-encoded `sign` query parameters.
 */
export function dingTalkSignedUrl(webhook: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const separator = webhook.includes('?') ? '&' : '?';
  return `${webhook}${separator}timestamp=${timestampMs}&sign=${encodeURIComponent(sign)}`;
}

/**
 * Feishu "签名校验": sign = base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, message = "")),
 * sent in the body with `timestamp` in seconds.
 */
export function feishuSignature(secret: string, timestampSeconds: number): { timestamp: string; sign: string } {
  const sign = createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
  return { timestamp: String(timestampSeconds), sign };
}
