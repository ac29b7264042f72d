import { httpError, smtpError } from './provider-error';

const error = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields['message'] ?? 'x')), fields);

describe('classifying provider failures', () => {
  it('knows an SMTP refusal or an unreachable server did not deliver', () => {
    expect(smtpError(error({ responseCode: 451, response: '451 try later', command: 'MAIL FROM' })).outcome).toBe(
      'not-delivered',
    );
    expect(smtpError(error({ responseCode: 550, command: 'RCPT TO' })).outcome).toBe('not-delivered');
    expect(
      smtpError(error({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25', command: 'CONN' })).outcome,
    ).toBe('not-delivered');
    expect(smtpError(error({ code: 'ETIMEDOUT', message: 'Connection timeout', command: 'CONN' })).outcome).toBe(
      'not-delivered',
    );
  });

  it('cannot know after the connection broke mid-transaction', () => {
    expect(smtpError(error({ code: 'ETIMEDOUT', message: 'Timeout', command: 'CONN' })).outcome).toBe('unknown');
    expect(
      smtpError(error({ code: 'ECONNECTION', message: 'Connection closed unexpectedly', command: 'CONN' })).outcome,
    ).toBe('unknown');
  });

  it('knows nothing was delivered when the connection failed before the message end was sent', () => {
    const closed = error({
      code: 'ECONNECTION',
      message: 'Reached maximum number of retries after connection was closed',
    });
    expect(smtpError(closed, false)).toMatchObject({
      outcome: 'not-delivered',
      message: expect.stringContaining('before the message end'),
    });
    expect(smtpError(error({ code: 'ETIMEDOUT', message: 'Timeout', command: 'CONN' }), false).outcome).toBe(
      'not-delivered',
    );
    expect(smtpError(error({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }), true)).toMatchObject({
      outcome: 'unknown',
      message: expect.stringContaining('after the message end'),
    });
    expect(smtpError(error({ code: 'ETIMEDOUT', message: 'Timeout', command: 'CONN' }), true).outcome).toBe('unknown');
    expect(smtpError(error({ responseCode: 421, response: '421 shutting down' }), true).outcome).toBe('not-delivered');
  });

  it('classifies fetch errors by their root cause', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: error({ code: 'ECONNREFUSED' }) });
    expect(httpError(refused, 'wecom robot').outcome).toBe('not-delivered');
    const reset = Object.assign(new TypeError('fetch failed'), { cause: error({ code: 'UND_ERR_SOCKET' }) });
    expect(httpError(reset, 'wecom robot').outcome).toBe('unknown');
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
      code: 23,
    });
    expect(httpError(timeout, 'SMS gateway')).toMatchObject({
      outcome: 'unknown',
      message: expect.stringContaining('SMS gateway'),
    });
  });
});
