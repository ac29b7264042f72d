import { createTransport } from 'nodemailer';
import { HttpReceiver } from './http-receiver';
import { SmtpSink } from './smtp-sink';

// The fake providers every notices test trusts: they must record exactly what arrived and
// refuse exactly when told to.
describe('the SMTP sink and the HTTP receiver', () => {
  let sink: SmtpSink;
  let receiver: HttpReceiver;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    receiver = await HttpReceiver.start();
  });

  afterAll(async () => {
    await sink?.stop();
    await receiver?.close();
  });

  const mail = (to: string) =>
    createTransport({ url: sink.url, ignoreTLS: true } as never).sendMail({
      from: 'notices@worksite.test',
      to,
      subject: '明日施工通知',
      text: '08:00–12:00 电缆入地',
      messageId: `<delivery-${to}@worksite.test>`,
    });

  it('keeps each accepted message, parsed, with its recipient and Message-ID', async () => {
    await mail('crew1@example.com');
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]).toMatchObject({
      to: ['crew1@example.com'],
      subject: '明日施工通知',
      messageId: '<delivery-crew1@example.com@worksite.test>',
    });
    expect(sink.received[0].text).toContain('电缆入地');
  });

  it('refuses with 451 while told to, and keeps nothing refused', async () => {
    sink.refuse = true;
    await expect(mail('crew2@example.com')).rejects.toMatchObject({ responseCode: 451 });
    sink.refuse = false;
    expect(sink.refused).toBe(1);
    expect(sink.received.map((m) => m.to[0])).not.toContain('crew2@example.com');
  });

  it('records a webhook call and answers what it is told to', async () => {
    receiver.respond = () => ({ status: 429, body: { errcode: 45009 } });
    const response = await fetch(receiver.url('/robot/a?key=k'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'text', text: { content: '明日施工' } }),
    });
    expect(response.status).toBe(429);
    expect(await receiver.waitFor('/robot/a', 1)).toEqual([
      expect.objectContaining({
        method: 'POST',
        query: { key: 'k' },
        body: { msgtype: 'text', text: { content: '明日施工' } },
      }),
    ]);
  });
});
