import { checkOutboundUrl, guardedLookup, OutboundPolicy, OutboundRefusedError } from '@worksite/server-outbound';
import { IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { httpError, ProviderError } from './provider-error';

/** An HTTP answer: status and the body (parsed when it is JSON). */
export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * POSTs JSON and returns the answer. Throws ProviderError: `not-delivered` for an address
 * the outbound policy refuses, a refused connection or a non-2xx answer (redirects are not
 * followed), `unknown` for a timeout or a connection lost after it was made.
 *
 * The address is checked as written, then every address its name resolves to is checked by
 * the request's own lookup, and the socket connects to those checked addresses only, so
 * a name that resolves elsewhere on the second query (DNS rebinding) gains nothing.
 */
export async function postJson(
  url: string,
  body: unknown,
  options: { timeoutMs: number; headers?: Record<string, string>; what: string; policy: OutboundPolicy },
): Promise<HttpAnswer> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new ProviderError(`${options.what}: the address is not a URL`, 'not-delivered');
  }
  const refusal = checkOutboundUrl(target, options.policy);
  if (refusal) throw new ProviderError(`${options.what}: the address ${refusal.message}`, 'not-delivered');
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const response = await send(target, payload, options);
  const parsed = parse(response.text);
  if (response.status < 200 || response.status >= 300) {
    throw new ProviderError(`${options.what}: HTTP ${response.status}`, 'not-delivered', {
      status: response.status,
      body: parsed,
    });
  }
  return { status: response.status, body: parsed };
}

function send(
  target: URL,
  payload: Buffer,
  options: { timeoutMs: number; headers?: Record<string, string>; what: string; policy: OutboundPolicy },
): Promise<{ status: number; text: string | null }> {
  return new Promise((resolve, reject) => {
    // Until the socket is connected (TLS included) nothing has left this process, whatever the
    // error (a connect timeout too): such failures are safe to retry. After it, unknown.
    let connected = false;
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(payload.length),
          ...options.headers,
        },
        lookup: guardedLookup(target, options.policy) as never,
        signal: AbortSignal.timeout(options.timeoutMs),
        // A fresh connection per call: a pooled socket would skip the lookup and its check.
        agent: false,
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        response.on('error', (error) => {
          // The provider answered with a status but the body was lost: a 2xx was accepted.
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve({ status, text: null });
          else reject(httpError(error, options.what));
        });
      },
    );
    request.on('socket', (socket) => {
      socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
    });
    request.on('error', (error) => {
      if (error instanceof OutboundRefusedError) {
        reject(new ProviderError(`${options.what}: ${error.message}`, 'not-delivered'));
      } else if (!connected) {
        reject(new ProviderError(httpError(error, options.what).message, 'not-delivered'));
      } else {
        reject(httpError(error, options.what));
      }
    });
    request.end(payload);
  });
}

function parse(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 500);
  }
}
