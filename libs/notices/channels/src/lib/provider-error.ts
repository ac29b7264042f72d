/**
 * How a provider call failed. `not-delivered`: the provider refused or was never reached,
 * so trying again cannot duplicate anything. `unknown`: the call may have been accepted
 * (timeout or connection lost after the message left us); it is never retried automatically.
 */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly outcome: 'not-delivered' | 'unknown',
    readonly response?: unknown,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/** Network errors raised before a request left this process. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EDNS',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

interface NodeErrorLike {
  code?: string;
  errno?: string | number;
  message?: string;
  cause?: NodeErrorLike;
  responseCode?: number;
  response?: string;
  command?: string;
  name?: string;
}

/** The innermost error code of a Node/undici error. */
function rootCode(error: NodeErrorLike | undefined, depth = 0): string | undefined {
  if (!error || depth > 5) return undefined;
  return rootCode(error.cause, depth + 1) ?? (typeof error.code === 'string' ? error.code : undefined);
}

/**
 * Classifies a nodemailer error. An SMTP reply code means the server answered "no" (the
 * message was not accepted). Without one, what decides is whether the message's end — the
 * DATA terminator, after which alone a server may take the message — had been sent
 * (`messageEnded`, see EmailChannel): before it (connection refused, a pooled connection the
 * server closed, a timeout while connecting, greeting or sending) nothing was delivered; after
 * it (the connection lost or timed out while waiting for the reply to DATA) nobody can know.
 * Without that knowledge (`messageEnded` undefined) only errors of reaching the server are
 * definite.
 */
export function smtpError(error: unknown, messageEnded?: boolean): ProviderError {
  const e = (error ?? {}) as NodeErrorLike;
  const stage =
    messageEnded === undefined ? '' : messageEnded ? ' (after the message end)' : ' (before the message end)';
  const message =
    `SMTP ${e.command ?? ''} ${e.code ?? ''}: ${e.response ?? e.message ?? String(error)}${stage}`.replace(/\s+/g, ' ');
  if (typeof e.responseCode === 'number') {
    return new ProviderError(message, 'not-delivered', { responseCode: e.responseCode, response: e.response });
  }
  if (messageEnded === false) return new ProviderError(message, 'not-delivered');
  const code = rootCode(e);
  const refused = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(e.message ?? '');
  const connectTimeout = e.code === 'ETIMEDOUT' && /connection timeout/i.test(e.message ?? '');
  if ((code && NEVER_SENT.has(code)) || refused || connectTimeout || e.code === 'EDNS') {
    return new ProviderError(message, 'not-delivered');
  }
  return new ProviderError(message, 'unknown');
}

/** Classifies an error thrown by fetch (undici) before any HTTP response arrived. */
export function httpError(error: unknown, what: string): ProviderError {
  const e = (error ?? {}) as NodeErrorLike;
  const code = rootCode(e);
  const text = `${what}: ${code ?? e.name ?? ''} ${e.cause?.message ?? e.message ?? String(error)}`.trim();
  return new ProviderError(text, code && NEVER_SENT.has(code) ? 'not-delivered' : 'unknown');
}
