import { httpError, ProviderError } from './provider-error';

/** An HTTP answer: status and the body (parsed when it is JSON). */
export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * POSTs JSON and returns the answer. Throws ProviderError: `not-delivered` for a refused
 * connection or a 4xx/5xx answer, `unknown` for a timeout or a connection lost afterwards.
 */
export async function postJson(
  url: string,
  body: unknown,
  options: { timeoutMs: number; headers?: Record<string, string>; what: string },
): Promise<HttpAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    throw httpError(error, options.what);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The provider answered with a status but the body was lost: a 2xx was accepted.
    if (response.ok) return { status: response.status, body: null };
    throw httpError(error, options.what);
  }
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text.slice(0, 500);
  }
  if (!response.ok) {
    throw new ProviderError(`${options.what}: HTTP ${response.status}`, 'not-delivered', {
      status: response.status,
      body: parsed,
    });
  }
  return { status: response.status, body: parsed };
}
