import { LookupAddress } from 'node:dns';
import { guardedLookup, OutboundRefusedError, ResolveAll } from './guarded-lookup';
import { checkOutboundUrl, forbiddenAddress, outboundPolicy } from './outbound-policy';

const strict = outboundPolicy({ OUTBOUND_ALLOW_HTTP: false, OUTBOUND_ALLOWED_HOSTS: '' });

describe('checkOutboundUrl', () => {
  it('accepts public https webhooks', () => {
    expect(checkOutboundUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', strict)).toBeUndefined();
    expect(checkOutboundUrl('https://8.8.8.8/hook', strict)).toBeUndefined();
    expect(checkOutboundUrl('https://[2400:3200::1]/hook', strict)).toBeUndefined();
  });

  it('refuses http unless allowed, and anything that is not http(s)', () => {
    expect(checkOutboundUrl('http://oapi.dingtalk.com/robot/send', strict)?.code).toBe('scheme');
    const http = outboundPolicy({ OUTBOUND_ALLOW_HTTP: true, OUTBOUND_ALLOWED_HOSTS: '' });
    expect(checkOutboundUrl('http://oapi.dingtalk.com/robot/send', http)).toBeUndefined();
    expect(checkOutboundUrl('ftp://example.com/x', http)?.code).toBe('scheme');
    expect(checkOutboundUrl('gopher://127.0.0.1:6379/_FLUSHALL', http)?.code).toBe('scheme');
    expect(checkOutboundUrl('not a url', http)?.code).toBe('invalid_url');
  });

  it.each([
    ['https://127.0.0.1:6379/', 'loopback'],
    ['https://127.1/', 'loopback'],
    ['https://2130706433/', 'loopback'],
    ['https://0x7f.0.0.1/', 'loopback'],
    ['https://[::1]/', 'loopback'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://[::ffff:a00:1]/', 'private'],
    ['https://10.0.0.8/', 'private'],
    ['https://172.16.5.4/', 'private'],
    ['https://192.168.1.1/', 'private'],
    ['https://[fc00::1]/', 'private'],
    ['https://[fd12:3456::1]/', 'private'],
    ['https://169.254.10.1/', 'link-local'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://169.254.169.254/latest/meta-data/', 'metadata'],
    ['https://[fd00:ec2::254]/', 'metadata'],
    ['https://[::ffff:169.254.169.254]/', 'metadata'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'this machine'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://[::]/', 'unspecified'],
    ['https://localhost:8080/', 'this machine'],
    ['https://api.localhost/', 'this machine'],
  ])('refuses %s (%s)', (url, kind) => {
    const refusal = checkOutboundUrl(url, strict);
    expect(refusal?.code).toBe('forbidden_host');
    expect(refusal?.message).toContain(kind);
    expect(refusal?.message).toContain('OUTBOUND_ALLOWED_HOSTS');
  });

  it('lets an allowlisted host through, with any port or only the one listed', () => {
    const policy = outboundPolicy({
      OUTBOUND_ALLOW_HTTP: true,
      OUTBOUND_ALLOWED_HOSTS: ' 127.0.0.1 , sms.intranet.example:8443,[::1]:9000',
    });
    expect(checkOutboundUrl('http://127.0.0.1:6379/', policy)).toBeUndefined();
    expect(checkOutboundUrl('https://sms.intranet.example:8443/send', policy)).toBeUndefined();
    expect(checkOutboundUrl('http://[::1]:9000/', policy)).toBeUndefined();
    expect(checkOutboundUrl('http://[::1]:9001/', policy)?.code).toBe('forbidden_host');
    expect(checkOutboundUrl('http://localhost:6379/', policy)?.code).toBe('forbidden_host');
  });
});

describe('forbiddenAddress', () => {
  it('allows public unicast only', () => {
    expect(forbiddenAddress('8.8.8.8')).toBeUndefined();
    expect(forbiddenAddress('2400:3200::1')).toBeUndefined();
    expect(forbiddenAddress('100.64.1.1')).toContain('private');
    expect(forbiddenAddress('64:ff9b::7f00:1')).toContain('reserved');
    expect(forbiddenAddress('2002:7f00:1::')).toContain('reserved');
    expect(forbiddenAddress('224.0.0.1')).toContain('reserved');
  });
});

describe('guardedLookup', () => {
  const resolverOf =
    (answers: Record<string, string[]>): ResolveAll =>
    (hostname, _options, callback) =>
      callback(
        null,
        (answers[hostname] ?? []).map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
  const resolver = resolverOf({
    'robot.example.cn': ['8.8.4.4'],
    'rebind.example.cn': ['8.8.8.8', '127.0.0.1'],
    'inside.example.cn': ['10.1.2.3'],
    localhost: ['127.0.0.1', '::1'],
  });
  const lookup = (url: string, all: boolean, policy = strict) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup(new URL(url), policy, resolver)(new URL(url).hostname, { all }, (error, address) =>
        resolve({ error, address }),
      ),
    );

  it('hands the checked public addresses to the socket', async () => {
    expect(await lookup('https://robot.example.cn/x', false)).toEqual({ error: null, address: '8.8.4.4' });
    expect(await lookup('https://robot.example.cn/x', true)).toEqual({
      error: null,
      address: [{ address: '8.8.4.4', family: 4 }],
    });
  });

  it('refuses a name when any of its addresses is forbidden', async () => {
    for (const url of ['https://rebind.example.cn/x', 'https://inside.example.cn/x', 'https://localhost/x']) {
      const { error } = await lookup(url, true);
      expect(error).toBeInstanceOf(OutboundRefusedError);
      expect(error?.message).toMatch(/resolves to .* (loopback|private)/);
    }
  });

  it('resolves an allowlisted name without the check', async () => {
    const policy = outboundPolicy({ OUTBOUND_ALLOW_HTTP: true, OUTBOUND_ALLOWED_HOSTS: 'inside.example.cn' });
    expect(await lookup('http://inside.example.cn/x', false, policy)).toEqual({ error: null, address: '10.1.2.3' });
  });

  it('answers a name without addresses as not found', async () => {
    const { error } = await lookup('https://nowhere.example.cn/x', false);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
  });
});
