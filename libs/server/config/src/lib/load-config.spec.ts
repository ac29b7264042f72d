import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('uses defaults that work on a development machine', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/worksite');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.APP_TIMEZONE).toBe('Asia/Shanghai');
  });

  it('reads and converts given values', () => {
    const config = loadConfig({
      PORT: '8080',
      APP_TIMEZONE: 'Europe/Berlin',
      DB_POOL_SIZE: '',
    });
    expect(config.PORT).toBe(8080);
    expect(config.APP_TIMEZONE).toBe('Europe/Berlin');
    expect(config.DB_POOL_SIZE).toBe(10);
  });

  it('names every invalid variable at once', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        APP_TIMEZONE: 'Mars/Olympus',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT must be a whole number');
    expect(problems).toContain('DATABASE_URL must be a postgres:// URL');
    expect(problems).toContain('APP_TIMEZONE must be an IANA time zone');
  });

  it('requires a strong JWT_SECRET in production only', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET must be at least 32 characters');
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow('JWT_SECRET must be at least 32 characters');
    const development = loadConfig({});
    expect(development.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}).JWT_SECRET).not.toBe(development.JWT_SECRET);
  });

  it('allows the public origin for CORS by default', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://worksite.example.cn/' })).toMatchObject({
      PUBLIC_URL: 'https://worksite.example.cn',
      CORS_ORIGINS: 'https://worksite.example.cn',
    });
  });

  it('allows outbound calls to public https addresses only, unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ OUTBOUND_ALLOW_HTTP: false, OUTBOUND_ALLOWED_HOSTS: '' });
    expect(loadConfig({ OUTBOUND_ALLOW_HTTP: 'true' }).OUTBOUND_ALLOW_HTTP).toBe(true);
    expect(() => loadConfig({ OUTBOUND_ALLOW_HTTP: 'maybe' })).toThrow('OUTBOUND_ALLOW_HTTP must be true or false');
    expect(() => loadConfig({ OUTBOUND_ALLOWED_HOSTS: 'ok.example.cn, bad host' })).toThrow(
      'OUTBOUND_ALLOWED_HOSTS: "bad host" is not a host or host:port',
    );
  });

  it('checks the SMS gateway at start like every outbound address', () => {
    expect(loadConfig({ SMS_GATEWAY_URL: 'https://sms.example.cn/send' }).SMS_GATEWAY_URL).toBe(
      'https://sms.example.cn/send',
    );
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'http://sms.example.cn/send' })).toThrow(
      'SMS_GATEWAY_URL must be an https:// URL',
    );
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'https://169.254.169.254/latest' })).toThrow(
      'SMS_GATEWAY_URL must not point to a cloud metadata address',
    );
    const intranet = loadConfig({
      SMS_GATEWAY_URL: 'http://10.0.0.5:8080/send',
      OUTBOUND_ALLOW_HTTP: 'true',
      OUTBOUND_ALLOWED_HOSTS: '10.0.0.5:8080',
    });
    expect(intranet.SMS_GATEWAY_URL).toBe('http://10.0.0.5:8080/send');
  });
});
