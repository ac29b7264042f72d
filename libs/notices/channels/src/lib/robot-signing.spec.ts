import { createHmac } from 'node:crypto';
import { dingTalkSignedUrl, feishuSignature } from './robot-signing';

describe('robot signing', () => {
  it('signs DingTalk webhooks: HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret, url-encoded', () => {
    const url = dingTalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECxyz', 1764300000000);
    const parsed = new URL(url);
    expect(parsed.searchParams.get('access_token')).toBe('abc');
    expect(parsed.searchParams.get('timestamp')).toBe('1764300000000');
    const expected = createHmac('sha256', 'SECxyz').update('1764300000000\nSECxyz').digest('base64');
    expect(parsed.searchParams.get('sign')).toBe(expected);
    expect(url).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(dingTalkSignedUrl('https://x.test/send', 's', 1)).toMatch(/^https:\/\/x\.test\/send\?timestamp=1&sign=/);
  });

  it('signs Feishu bodies: HMAC-SHA256 of an empty message keyed by "timestamp\\nsecret", seconds', () => {
    const signed = feishuSignature('feishusecret', 1764300000);
    expect(signed.timestamp).toBe('1764300000');
    expect(signed.sign).toBe(createHmac('sha256', '1764300000\nfeishusecret').update('').digest('base64'));
  });
});
