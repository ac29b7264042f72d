import { HttpReceiver } from '@worksite/notices-testing';
import { forbiddenAddress, outboundPolicy } from '@worksite/server-outbound';
import { lookup } from 'node:dns/promises';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { postJson } from './http-post';
import { ProviderError } from './provider-error';

/** postJson against real local HTTP servers, under the outbound policy. */
describe('postJson', () => {
  let receiver: HttpReceiver;
  const receiverPolicy = outboundPolicy({ OUTBOUND_ALLOW_HTTP: true, OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
  const post = (url: string, policy = receiverPolicy, timeoutMs = 5000) =>
    postJson(url, { msgtype: 'text' }, { timeoutMs, what: 'test robot', policy });
  const failure = async (promise: Promise<unknown>): Promise<ProviderError> => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  };

  beforeAll(async () => {
    receiver = await HttpReceiver.start();
  });

  afterAll(async () => {
    await receiver?.close();
  });

  it('posts JSON to an allowed address and returns the parsed answer', async () => {
    const answer = await post(receiver.url('/robot/send?key=k1'));
    expect(answer).toEqual({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
    const [request] = receiver.to('/robot/send');
    expect(request).toMatchObject({ method: 'POST', query: { key: 'k1' }, body: { msgtype: 'text' } });
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('refuses, before any connection, what the policy forbids', async () => {
    const before = receiver.requests.length;
    const strict = outboundPolicy({ OUTBOUND_ALLOW_HTTP: false, OUTBOUND_ALLOWED_HOSTS: '' });
    const httpOnly = outboundPolicy({ OUTBOUND_ALLOW_HTTP: true, OUTBOUND_ALLOWED_HOSTS: '' });
    const scheme = await failure(post(receiver.url('/robot/a'), strict));
    expect(scheme).toMatchObject({ outcome: 'not-delivered' });
    expect(scheme.message).toContain('https://');
    const loopback = await failure(post(receiver.url('/robot/b'), httpOnly));
    expect(loopback).toMatchObject({ outcome: 'not-delivered' });
    expect(loopback.message).toContain('loopback');
    const mapped = await failure(post(`http://[::ffff:127.0.0.1]:${receiver.port}/robot/c`, httpOnly));
    expect(mapped.message).toContain('loopback');
    expect(receiver.requests.length).toBe(before);
  });

  it('refuses localhost by name, and any name by what it resolves to, though 127.0.0.1 is allowlisted', async () => {
    const before = receiver.requests.length;
    const byName = await failure(post(`http://localhost:${receiver.port}/robot/d`));
    expect(byName).toMatchObject({ outcome: 'not-delivered' });
    expect(byName.message).toContain('this machine');
    // This machine's own name resolves (through /etc/hosts) to a loopback or private address:
    // only the lookup inside the request can tell, and it refuses before connecting.
    const host = hostname();
    const addresses = await lookup(host, { all: true });
    expect(addresses.map(({ address }) => forbiddenAddress(address)).every(Boolean)).toBe(true);
    const resolved = await failure(post(`http://${host}:${receiver.port}/robot/e`));
    expect(resolved).toMatchObject({ outcome: 'not-delivered' });
    expect(resolved.message).toContain(`${host} resolves to ${addresses[0].address}`);
    expect(receiver.requests.length).toBe(before);
  });

  it('reaches an allowlisted name through the same lookup', async () => {
    const byName = outboundPolicy({ OUTBOUND_ALLOW_HTTP: true, OUTBOUND_ALLOWED_HOSTS: 'localhost' });
    expect(await post(`http://localhost:${receiver.port}/robot/allowlisted`, byName)).toMatchObject({ status: 200 });
    expect(receiver.to('/robot/allowlisted')).toHaveLength(1);
  });

  it('answers a non-2xx status, and a redirect, as not delivered (redirects are not followed)', async () => {
    receiver.respond = (request) =>
      request.path === '/robot/moved' ? { status: 302, body: {} } : { status: 503, body: { error: 'busy' } };
    try {
      expect(await failure(post(receiver.url('/robot/busy')))).toMatchObject({
        outcome: 'not-delivered',
        response: { status: 503, body: { error: 'busy' } },
      });
      expect(await failure(post(receiver.url('/robot/moved')))).toMatchObject({ outcome: 'not-delivered' });
    } finally {
      receiver.respond = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
    }
  });

  it('calls a refused connection not delivered, and a timeout after connecting unknown', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await failure(post(`http://127.0.0.1:${port}/robot`))).toMatchObject({ outcome: 'not-delivered' });

    // Accepts the request and never answers: the provider may have taken it.
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    try {
      const address = silent.address() as AddressInfo;
      expect(await failure(post(`http://127.0.0.1:${address.port}/robot`, receiverPolicy, 300))).toMatchObject({
        outcome: 'unknown',
      });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
