import { SmtpSink } from '@worksite/notices-testing';
import { loadConfig } from '@worksite/server-config';
import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { EmailChannel, EmailMessage } from './email.channel';
import { ProviderError } from './provider-error';

const message = (to: string): EmailMessage => ({
  to,
  subject: 'Tomorrow',
  text: 'x'.repeat(8000),
  ics: { filename: 'day.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
  messageId: `delivery-${to}@worksite.test`,
});

/** What one send came to: accepted, or the ProviderError's outcome. */
async function outcomeOf(channel: EmailChannel, to: string): Promise<string> {
  try {
    await channel.send(message(to));
    return 'sent';
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return error.outcome;
  }
}

/**
 * A server that speaks SMTP until the message's end ("." after DATA) has arrived, then drops
 * the connection without answering: the client cannot know whether the message was taken.
 */
async function droppingAfterData(): Promise<{ server: Server; port: number; messageEnds: () => number }> {
  let ends = 0;
  const server = createServer((socket: Socket) => {
    let data = false;
    let buffered = '';
    socket.write('220 drop.test ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      if (data) {
        if (!buffered.includes('\r\n.\r\n')) return;
        ends++;
        socket.destroy();
        return;
      }
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end).toUpperCase();
        buffered = buffered.slice(end + 2);
        if (line.startsWith('EHLO')) socket.write('250-drop.test\r\n250 8BITMIME\r\n');
        else if (line.startsWith('DATA')) {
          data = true;
          socket.write('354 go ahead\r\n');
          return;
        } else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, messageEnds: () => ends };
}

describe('EmailChannel against real SMTP servers', () => {
  const config = loadConfig();
  let sink: SmtpSink;
  let channel: EmailChannel;

  beforeAll(async () => {
    sink = await SmtpSink.start({ parse: false });
    channel = new EmailChannel({ ...config, SMTP_URL: sink.url, SMTP_POOL_SIZE: 3, PROVIDER_TIMEOUT_MS: 5000 });
  });

  afterAll(async () => {
    channel?.onModuleDestroy();
    await sink?.close();
  });

  it('calls a send the server went away before not delivered (retried later), and delivers it once it is back', async () => {
    // The pool's connections are open, then the server stops: sends in flight and new ones fail
    // before their message end could be written — nothing was delivered, nothing is unknown.
    expect(await Promise.all(['a@x.test', 'b@x.test', 'c@x.test'].map((to) => outcomeOf(channel, to)))).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    sink.acceptDelayMs = 20;
    const during = ['d@x.test', 'e@x.test', 'f@x.test', 'g@x.test'].map((to) => outcomeOf(channel, to));
    await sink.stop();
    const refused = await Promise.all(['h@x.test', 'i@x.test'].map((to) => outcomeOf(channel, to)));
    expect(refused).toEqual(['not-delivered', 'not-delivered']);
    const outcomes = await Promise.all(during);
    expect(outcomes).not.toContain('unknown');
    const notDelivered = ['d', 'e', 'f', 'g'].filter((_, i) => outcomes[i] === 'not-delivered');
    const arrived = sink.countsByRecipient();
    for (const name of notDelivered) expect(arrived.get(`${name}@x.test`)).toBeUndefined();

    await sink.listen();
    sink.acceptDelayMs = 0;
    for (const name of [...notDelivered, 'h', 'i']) expect(await outcomeOf(channel, `${name}@x.test`)).toBe('sent');
    const counts = sink.countsByRecipient();
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) expect(counts.get(`${name}@x.test`)).toBe(1);
  });

  it('delivers a Chinese subject, text, HTML and calendar as they were written', async () => {
    const reader = await SmtpSink.start();
    const chinese = new EmailChannel({ ...config, SMTP_URL: reader.url, SMTP_POOL_SIZE: 1, PROVIDER_TIMEOUT_MS: 5000 });
    const text = `明日施工安排：管沟开挖，和平新村3号楼东侧，08:00–12:00。\n${'电缆敷设 '.repeat(400)}`;
    const html = `<p>明日施工安排：<b>管沟开挖</b></p><p>${'光缆穿管 '.repeat(300)}</p>`;
    const ics = 'BEGIN:VCALENDAR\r\nSUMMARY:管沟开挖 · 和平新村\r\nEND:VCALENDAR\r\n';
    try {
      await chinese.send({
        to: 'banzu@x.test',
        subject: '明日施工通知 12月7日（周一）',
        text,
        html,
        ics: { filename: '施工日程.ics', content: ics },
        messageId: 'delivery-cjk@worksite.test',
      });
      await reader.waitFor(1);
      const [mail] = reader.received;
      expect(mail.subject).toBe('明日施工通知 12月7日（周一）');
      expect(mail.text.trim()).toBe(text.trim());
      expect(mail.html).toBe(html);
      expect(mail.attachments).toEqual([expect.objectContaining({ filename: '施工日程.ics', content: ics })]);
    } finally {
      chinese.onModuleDestroy();
      await reader.close();
    }
  });

  it('calls a send unknown only when the connection was lost after the message end was sent', async () => {
    const dropping = await droppingAfterData();
    const lossy = new EmailChannel({
      ...config,
      SMTP_URL: `smtp://127.0.0.1:${dropping.port}`,
      SMTP_POOL_SIZE: 1,
      PROVIDER_TIMEOUT_MS: 5000,
    });
    try {
      const error = await lossy.send(message('z@x.test')).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ outcome: 'unknown', message: expect.stringContaining('after the message end') });
      expect(dropping.messageEnds()).toBe(1);
    } finally {
      lossy.onModuleDestroy();
      await new Promise((resolve) => dropping.server.close(resolve));
    }
  });
});
