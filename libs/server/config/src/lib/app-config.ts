import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting the api and the worker read, with its default. This class is the only
 * place that knows environment variable names; everything else receives an AppConfig.
 */
export class AppConfig {
  /** PostgreSQL connection; the database is created on start if it does not exist. */
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// URL',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/worksite';

  /** Redis for BullMQ jobs (needs maxmemory-policy noeviction). */
  @Matches(/^rediss?:\/\/.+/, {
    message: 'REDIS_URL must be a redis:// or rediss:// URL',
  })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Namespace of every Redis key (queues, rate limits, heartbeats), so that several
   * installations, or parallel test runs, can share one Redis.
   */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'REDIS_PREFIX must be 1–40 letters, digits, - or _' })
  REDIS_PREFIX = 'worksite';

  /** HTTP port of the api, which also serves the web app. */
  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Default time zone for new projects and for local dates without a project. */
  @IsString()
  @IsIn(validTimeZones(), {
    message: 'APP_TIMEZONE must be an IANA time zone such as Asia/Shanghai',
  })
  APP_TIMEZONE = 'Asia/Shanghai';

  /** Largest number of PostgreSQL connections per process. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** Statement timeout for every query, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS = 15000;

  /** Public base URL of the app, used in links sent to crews; default http://localhost:PORT. */
  @ValidateIf((config: AppConfig) => config.PUBLIC_URL !== '')
  @Matches(/^https?:\/\/[^/]+(\/.*)?$/, {
    message: 'PUBLIC_URL must be an http(s) URL',
  })
  PUBLIC_URL = '';

  /** development | production | test: production hides nothing more, but logs as JSON. */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  /**
   * Secret for signing access tokens (HS256), at least 32 characters. Required in production;
   * elsewhere a random one is made at start (sessions then end when the app restarts).
   */
  @ValidateIf((config: AppConfig) => config.JWT_SECRET !== '' || config.NODE_ENV === 'production')
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters (required in production)' })
  JWT_SECRET = '';

  /** Lifetime of an access token, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Lifetime of a login (refresh token), in days. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** Origins allowed to call the API from a browser, comma-separated; default PUBLIC_URL. */
  @IsString()
  CORS_ORIGINS = '';

  /** Requests per minute per client address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Login attempts per minute per client address (failed attempts per account are limited too). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Where the built web app lives; empty disables serving it. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR = 'dist/apps/web/browser';
}

function validTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}
