import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/** One message the sink accepted, parsed (unless the sink only counts). */
export interface ReceivedMail {
  at: number;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: string }[];
}

/**
 * A real SMTP server in the test process (smtp-server), reading what arrived with
 * mailparser. `refuse` makes it answer 451 to MAIL FROM (a temporary refusal); `stop` and
 * `listen` take it down and up again on the same port (connection refused in between).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Errors of the server itself (not clients resetting their connections). */
  readonly errors: Error[] = [];
  /** Messages answered with an SMTP error while refusing. */
  refused = 0;
  refuse = false;
  /**
   * Messages to read to the end and then answer 451 (a server that fails after DATA, or a
   * timeout from the sender's side): they are kept in `refusedMessages`, not `received`.
   */
  refuseAfterData = 0;
  readonly refusedMessages: ReceivedMail[] = [];
  /** Recipients answered 550 (permanently). */
  readonly rejectRecipients = new Set<string>();
  /** Milliseconds to wait before accepting each message (a slow server). */
  acceptDelayMs = 0;
  private server?: SMTPServer;
  private waiters: (() => void)[] = [];

  private constructor(
    public port: number,
    private readonly parse: boolean,
  ) {}

  static async start(options: { port?: number; parse?: boolean } = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options.port ?? 0, options.parse ?? true);
    await sink.listen();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onMailFrom: (_address, _session, callback) => {
        if (!this.refuse) return callback();
        this.refused++;
        const error = new Error('4.3.2 Service not available, try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
      },
      onRcptTo: (address, _session, callback) => {
        if (!this.rejectRecipients.has(address.address)) return callback();
        const error = new Error('5.1.1 Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
      onData: (stream, session, callback) => void this.onData(stream, session, callback),
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    // A client that dies mid-session (a worker killed with SIGKILL) resets its connection: not
    // the sink's failure, and without a listener it would end the test process.
    server.on('error', (error: Error & { code?: string }) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') this.errors.push(error);
    });
    this.port = (server.server.address() as AddressInfo).port;
  }

  private async onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ) {
    const to = session.envelope.rcptTo.map((r) => r.address);
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    try {
      if (this.acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, this.acceptDelayMs));
      if (this.parse) {
        const mail = await simpleParser(stream);
        const target = this.refuseAfterData > 0 ? this.refusedMessages : this.received;
        target.push({
          at: Date.now(),
          to,
          from,
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          messageId: mail.messageId ?? '',
          headers: Object.fromEntries([...mail.headers.entries()].map(([k, v]) => [k, String(v)])),
          attachments: mail.attachments.map((a) => ({
            filename: a.filename ?? '',
            contentType: a.contentType,
            content: a.content.toString('utf8'),
          })),
        });
      } else {
        // Counting only: the Message-ID is read from the header block, the rest is skipped.
        let head = '';
        let inHeaders = true;
        for await (const chunk of stream) {
          if (!inHeaders) continue;
          head += (chunk as Buffer).toString('latin1');
          inHeaders = !/\r?\n\r?\n/.test(head) && head.length < 65_536;
        }
        const headers = head.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
        this.received.push({
          at: Date.now(),
          to,
          from,
          subject: '',
          text: '',
          html: '',
          messageId: /^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? '',
          headers: {},
          attachments: [],
        });
      }
      if (this.parse && this.refuseAfterData > 0) {
        this.refuseAfterData--;
        this.refused++;
        const error = new Error('4.4.2 Timeout while receiving, try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
      } else {
        callback();
      }
    } catch (error) {
      callback(error as Error);
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** How many messages each recipient received. */
  countsByRecipient(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received) for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  }

  /** Resolves once `count` messages arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`SMTP sink: ${this.received.length} of ${count} messages after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.received;
  }

  /** Stops listening; new connections are refused until `listen` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async close(): Promise<void> {
    await this.stop();
  }
}
