import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
// true/false (also 1/0, yes/no); anything else stays a string and fails @IsBoolean.
const toBool = ({ value }: { value: unknown }) =>
  typeof value !== 'string'
    ? value
    : /^(true|1|yes)$/i.test(value)
      ? true
      : /^(false|0|no)$/i.test(value)
        ? false
        : value;

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
  @Matches(/^(\{[A-Za-z0-9_-]{1,40}\}|[A-Za-z0-9_-]{1,40})$/, {
    message: 'REDIS_PREFIX must be 1–40 letters, digits, - or _ (in braces, {worksite}, for a Redis Cluster)',
  })
  REDIS_PREFIX = 'worksite';

  /**
   * REDIS_URL is one node of a Redis Cluster (the others are found from it). Every key then
   * needs the same hash slot, so REDIS_PREFIX must be a hash tag such as {worksite}.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'REDIS_CLUSTER must be true or false' })
  REDIS_CLUSTER = false;

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

  /** development | production | test. */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  /** Least level of the JSON log lines: fatal, error, warn, info, debug, trace or silent. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

  /** Name of this process in health, logs and metrics; empty: host name and process id. */
  @Matches(/^[A-Za-z0-9._:-]{0,64}$/, { message: 'INSTANCE_ID may hold letters, digits and . _ : - (at most 64)' })
  INSTANCE_ID = '';

  /**
   * Which proxies in front of the api to believe about the client's address (X-Forwarded-For),
   * as Express's "trust proxy": empty (none: the api faces clients itself), a number of hops,
   * or a comma-separated list of addresses, CIDR ranges and the names loopback, linklocal,
   * uniquelocal. Rate limits count per client address, so set it behind a reverse proxy.
   */
  @Matches(/^(|\d{1,2}|[A-Za-z0-9.:/, ]{1,500})$/, {
    message: 'TRUST_PROXY must be empty, a number of hops, or addresses/CIDR ranges/loopback,linklocal,uniquelocal',
  })
  TRUST_PROXY = '';

  /** Bearer token that /api/metrics requires; empty: /api/metrics is open (keep it off the public network). */
  @IsString()
  METRICS_TOKEN = '';

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

  /**
   * How long an api process keeps a session it looked up, in seconds, so that requests do not
   * read their session from PostgreSQL each time; 0 reads it on every request. Logouts and account
   * changes take effect at once regardless (PostgreSQL notifies every api process of them).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  SESSION_CACHE_SECONDS = 10;

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

  /** Local time (HH:mm, project zone) of the nightly run that sends the next day's notices. */
  @Matches(HH_MM, { message: 'NOTICE_SEND_TIME must be a local time HH:mm, e.g. 20:00' })
  NOTICE_SEND_TIME = '20:00';

  /** Local time (HH:mm, evening before the work day) when crews that have not acknowledged are reminded. */
  @Matches(HH_MM, { message: 'NOTICE_REMINDER_TIME must be a local time HH:mm, e.g. 21:30' })
  NOTICE_REMINDER_TIME = '21:30';

  /** Local time (HH:mm, morning of the work day) when unacknowledged crews are flagged to the coordinators. */
  @Matches(HH_MM, { message: 'NOTICE_ESCALATION_TIME must be a local time HH:mm, e.g. 07:00' })
  NOTICE_ESCALATION_TIME = '07:00';

  /** Local time (HH:mm) when owners are reminded of make-ready constraints due in 2 days and today. */
  @Matches(HH_MM, { message: 'MAKE_READY_REMINDER_TIME must be a local time HH:mm, e.g. 09:00' })
  MAKE_READY_REMINDER_TIME = '09:00';

  /**
   * Local time (HH:mm, before NOTICE_SEND_TIME) when coordinators get the list of tomorrow's
   * tasks that are not ready (NOT_READY_LIST_TIME of @worksite/shared-make-ready).
   */
  @Matches(HH_MM, { message: 'MAKE_READY_LIST_TIME must be a local time HH:mm, e.g. 18:00' })
  MAKE_READY_LIST_TIME = '18:00';

  /** Seconds a crew's plan must stay unchanged before an amended notice goes out. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  NOTICE_AMEND_QUIET_SECONDS = 300;

  /** Calls to a provider per delivery before it ends as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  NOTICE_MAX_ATTEMPTS = 5;

  /** First retry delay in seconds; each further retry waits twice as long. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  NOTICE_RETRY_BASE_SECONDS = 30;

  /**
   * A delivery still "sending" after this many seconds was interrupted: an email is sent again
   * (same Message-ID), any other message ends unknown, never resent.
   */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  NOTICE_SENDING_TIMEOUT_SECONDS = 120;

  /** How often (seconds) each worker's database-side watchdog looks for owed work. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  NOTICE_WATCHDOG_SECONDS = 15;

  /** Seconds owed work (a planned delivery, a crew of a run) may sit untouched before the watchdog re-queues it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  NOTICE_LOST_JOB_SECONDS = 60;

  /** Minutes after the send time before the watchdog starts a run the scheduler did not. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(240)
  NOTICE_WATCHDOG_GRACE_MINUTES = 5;

  /** Notice jobs one worker runs at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  NOTICE_CONCURRENCY = 20;

  /**
   * Messages per window per group-chat robot, e.g. `wecom=20/60;dingtalk=20/60;feishu=5/1,100/60`
   * (count/seconds, several windows per kind). The defaults are the providers' published limits.
   */
  @Matches(/^(wecom|dingtalk|feishu)=\d+\/\d+(,\d+\/\d+)*(;(wecom|dingtalk|feishu)=\d+\/\d+(,\d+\/\d+)*)*$/, {
    message: 'NOTICE_ROBOT_LIMITS must look like wecom=20/60;dingtalk=20/60;feishu=5/1,100/60',
  })
  NOTICE_ROBOT_LIMITS = 'wecom=20/60;dingtalk=20/60;feishu=5/1,100/60';

  /**
   * Days before a cut starts by which residents must have been told (kind=days; kinds left out
   * keep their default). Power is at least 7 (power supply rules for planned outages).
   */
  @Matches(/^(?:(power=(?:[7-9]|[1-9]\d{1,2})|(water|gas|heating|network|road_closure)=\d{1,3})(;(?!$)|$))*$/, {
    message: 'ANNOUNCE_LEAD_DAYS must look like power=7;water=3;gas=3;heating=3;network=1;road_closure=3 (power ≥ 7)',
  })
  ANNOUNCE_LEAD_DAYS = 'power=7;water=3;gas=3;heating=3;network=1;road_closure=3';

  /** Hours an acknowledgement link stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  ACK_LINK_TTL_HOURS = 48;

  /** SMTP server for notices, e.g. smtp://user:pass@mail.example.cn:587 or smtps://…:465. */
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** Sender of notice emails. */
  @IsString()
  @MinLength(3)
  SMTP_FROM = 'Worksite 工地协同 <notices@worksite.local>';

  /** SMTP connections kept open per worker. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  SMTP_POOL_SIZE = 5;

  /** HTTP gateway for SMS (POST JSON {to, text, idempotencyKey}); empty disables SMS deliveries (skipped). */
  @ValidateIf((config: AppConfig) => config.SMS_GATEWAY_URL !== '')
  @Matches(/^https?:\/\/.+/, { message: 'SMS_GATEWAY_URL must be an http(s) URL or empty' })
  SMS_GATEWAY_URL = '';

  /** Allow http:// as well as https:// for robot webhooks and the SMS gateway (tests, an intranet gateway). */
  @Transform(toBool)
  @IsBoolean({ message: 'OUTBOUND_ALLOW_HTTP must be true or false' })
  OUTBOUND_ALLOW_HTTP = false;

  /**
   * Hosts that robot webhooks and the SMS gateway may reach even on a loopback, private or
   * link-local address: comma-separated `host` (any port) or `host:port`, e.g.
   * `sms.intranet.example:8443,10.0.0.5`. Empty: only public addresses.
   */
  @IsString()
  OUTBOUND_ALLOWED_HOSTS = '';

  /** Bearer token for the SMS gateway, if it needs one. */
  @IsString()
  SMS_GATEWAY_TOKEN = '';

  /** Time limit of one call to an SMTP server, robot webhook or SMS gateway, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120000)
  PROVIDER_TIMEOUT_MS = 15000;

  /** Minutes a called-out crew has to acknowledge an incident before its department's duty lead gets an SMS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(240)
  INCIDENT_ACK_MINUTES = 10;

  /** Minutes before the paperwork deadline (report + 24 h) when the incident's coordinator is reminded. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  INCIDENT_PAPERWORK_REMINDER_MINUTES = 120;

  /** Incident jobs (call-outs, escalations) one worker runs at once, on a queue of their own. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  INCIDENT_CONCURRENCY = 20;
}

function validTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}
