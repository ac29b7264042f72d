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
});
