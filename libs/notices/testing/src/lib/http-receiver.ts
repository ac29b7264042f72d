import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface ReceivedRequest {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/**
 * Settings under which the server may call a receiver (http on 127.0.0.1): outbound calls are
 * https-only and never reach loopback addresses otherwise. Tests of that guard leave them out.
 */
export const OUTBOUND_TO_TEST_RECEIVERS = { OUTBOUND_ALLOW_HTTP: true, OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' } as const;

export type Responder = (request: ReceivedRequest) => { status: number; body: unknown };

/**
 * A real HTTP server (node:http) standing in for robot webhooks and the SMS gateway. It
 * records every request and answers with `respond` (default: 200 {"errcode":0,"errmsg":"ok"}).
 */
export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  respond: Responder = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<HttpReceiver> {
    const holder: { receiver?: HttpReceiver } = {};
    const server = createServer((request, response) => void holder.receiver?.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    holder.receiver = new HttpReceiver(server, (server.address() as AddressInfo).port);
    return holder.receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Requests to paths starting with `prefix`. */
  to(prefix: string): ReceivedRequest[] {
    return this.requests.filter((request) => request.path.startsWith(prefix));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://localhost');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const received: ReceivedRequest = {
      at: Date.now(),
      method: request.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      headers: request.headers,
      body,
    };
    this.requests.push(received);
    const answer = this.respond(received);
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  }

  /** Resolves once `count` requests to `prefix` arrived. */
  async waitFor(prefix: string, count: number, timeoutMs = 30_000): Promise<ReceivedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(prefix).length < count) {
      if (Date.now() > deadline)
        throw new Error(`${prefix}: ${this.to(prefix).length} of ${count} requests after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this.to(prefix);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
