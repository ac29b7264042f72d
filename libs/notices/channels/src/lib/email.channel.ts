import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { createTransport, SendMailOptions, Transporter } from 'nodemailer';
import { Readable, Transform } from 'node:stream';
import { smtpError } from './provider-error';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** iCalendar attachment (the day's tasks). */
  ics?: { filename: string; content: string };
  /** Message-ID without brackets: the same for every attempt of one delivery (idempotency.ts). */
  messageId: string;
  headers?: Record<string, string>;
}

/** What the SMTP server answered when it accepted a message. */
export interface EmailReceipt {
  messageId: string;
  response: string;
  accepted: string[];
}

/** How far one message got: whether the SMTP connection read it to its end. */
interface MessageProgress {
  ended: boolean;
}

/** The sendMail option that carries a message's progress to the stream plugin below. */
const PROGRESS = 'worksiteProgress';

/**
 * The message as one chunk, and `ended` once the connection has read it all. nodemailer's
 * MIME stream comes in many small pieces, each its own write to the SMTP socket (a quarter of
 * the worker's time in socket writes in a night run's profile); a notice is a few kilobytes.
 */
function wholeMessage(input: Readable, progress: MessageProgress): Readable {
  const chunks: Buffer[] = [];
  const whole = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
    flush(callback) {
      callback(null, Buffer.concat(chunks));
    },
  });
  whole.once('end', () => (progress.ended = true));
  // pipe, not stream.pipeline: each pipeline ends by aborting its AbortController, which builds a
  // DOMException with a stack trace (half a second of a 10,000-crew night run's worker).
  input.once('error', (error) => whole.destroy(error));
  return input.pipe(whole);
}

/**
 * Sends email through the SMTP server of SMTP_URL, over a small pool of connections.
 *
 * Each message's stream is watched to its end: nodemailer writes the DATA terminator
 * ("<CRLF>.<CRLF>", after which alone a server may accept a message) only once that stream
 * has been read to its end. A failure before that — connection refused, a pooled connection the
 * server closed, a timeout before or during DATA — surely delivered nothing and is retried; only a
 * failure after it (the connection lost or timed out while waiting for the reply to DATA) is unknown.
 */
@Injectable()
export class EmailChannel implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    const url = new URL(config.SMTP_URL);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      pool: true,
      maxConnections: config.SMTP_POOL_SIZE,
      // Never let the pool resend a message on its own after a connection dropped mid-send:
      // whether it arrived is for our ledger to decide (unknown), not to be guessed twice.
      maxRequeues: 0,
      maxMessages: 1000,
      connectionTimeout: Math.min(config.PROVIDER_TIMEOUT_MS, 10_000),
      greetingTimeout: Math.min(config.PROVIDER_TIMEOUT_MS, 10_000),
      socketTimeout: config.PROVIDER_TIMEOUT_MS,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    this.transport.use('stream', (mail, done) => {
      const progress = (mail.data as { [PROGRESS]?: MessageProgress })[PROGRESS];
      if (progress) mail.message.processFunc((input: Readable) => wholeMessage(input, progress));
      done();
    });
  }

  async send(message: EmailMessage): Promise<EmailReceipt> {
    const progress: MessageProgress = { ended: false };
    try {
      const options: SendMailOptions & { [PROGRESS]: MessageProgress } = {
        [PROGRESS]: progress,
        from: this.config.SMTP_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${message.messageId}>`,
        // Base64 for every text part and header word: the notices are Chinese, where base64 is the
        // smaller form (quoted-printable writes each UTF-8 byte as three characters), and naming it
        // spares nodemailer counting each part's characters to choose (with quoted-printable's
        // encoding, about a twentieth of the worker's time in a night run).
        textEncoding: 'base64',
        headers: message.headers,
        attachments: message.ics
          ? [
              {
                filename: message.ics.filename,
                content: message.ics.content,
                contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              },
            ]
          : [],
      };
      const info = await this.transport.sendMail(options);
      return {
        messageId: String(info.messageId),
        response: String(info.response ?? ''),
        accepted: (info.accepted ?? []).map(String),
      };
    } catch (error) {
      throw smtpError(error, progress.ended);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
