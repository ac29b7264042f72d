import { ConsoleLogger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTICE_CLOCK, NoticeJobs } from '@worksite/notices-data-access';
import { HttpReceiver, OUTBOUND_TO_TEST_RECEIVERS, quietNightRun, SmtpSink } from '@worksite/notices-testing';
import { AppConfig, AppConfigModule, loadConfig } from '@worksite/server-config';
import { dataSourceOptions, NoticeRunEntity } from '@worksite/server-data-access';
import { QueueModule } from '@worksite/server-queue';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NoticesWorkerModule } from '../lib/notices-worker.module';
import { NoticeWatchdog } from '../lib/notice-watchdog.service';

/** A clock tests can set; undefined means the real time. */
export interface TestClock {
  at?: number;
}

/** The notices worker (processors, watchdog) in the test process, on a database and Redis namespace of its own. */
export interface WorkerHarness {
  module: TestingModule;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  sink: SmtpSink;
  http: HttpReceiver;
  clock: TestClock;
  redis: Redis;
  jobs: NoticeJobs;
  watchdog: NoticeWatchdog;
  /** Rows of a query. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Adds a run job (as a coordinator's "send now" does) and waits until the run completes. */
  runAndWait(projectId: string, date: string, timeoutMs?: number): Promise<NoticeRunEntity>;
  waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
  /**
   * Resolves once nothing can be sent any more until a planned retry or throttled send comes
   * due, proven from the database and the receivers (no fixed sleep): no run pending, no crew
   * of a running run without its notice, no job waiting or running, no delivery or alert
   * sending or planned and due, no amendment owed, and every email and HTTP message received
   * is a delivery or alert recorded sent (and vice versa).
   */
  settled(timeoutMs?: number): Promise<void>;
  /** Deletes every Redis key of this harness (what FLUSHALL would do to it). */
  flushRedis(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the worker side in the test process. Left to the real clock, the night run could start
 * by itself whenever a test happens to run in the evening (the job scheduler at the send time,
 * the watchdog's catch-up until midnight) and send the demo's crews mails no test asked for.
 * So unless a test says otherwise the send time is kept away from now (quietNightRun);
 * `clockAt` sets the test clock before the watchdog's first look at start-up.
 */
export async function startWorkerHarness(
  overrides: Partial<AppConfig> = {},
  options: { clockAt?: number } = {},
): Promise<WorkerHarness> {
  const db = await createTestDatabase();
  const sink = await SmtpSink.start();
  const http = await HttpReceiver.start();
  const clock: TestClock = { at: options.clockAt };
  const config = Object.assign(loadConfig(), {
    DATABASE_URL: db.url,
    DB_POOL_SIZE: 10,
    REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    WEB_DIST_DIR: '',
    PUBLIC_URL: 'http://worksite.test',
    SMTP_URL: sink.url,
    SMS_GATEWAY_URL: http.url('/sms'),
    ...OUTBOUND_TO_TEST_RECEIVERS,
    ...quietNightRun(),
    NOTICE_WATCHDOG_SECONDS: 1,
    NOTICE_LOST_JOB_SECONDS: 3,
    NOTICE_RETRY_BASE_SECONDS: 1,
    NOTICE_SENDING_TIMEOUT_SECONDS: 10,
    NOTICE_AMEND_QUIET_SECONDS: 0,
    NOTICE_CONCURRENCY: 10,
    PROVIDER_TIMEOUT_MS: 5000,
    ...overrides,
  } satisfies Partial<AppConfig>);
  const module = await Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot(config),
      TypeOrmModule.forRoot(dataSourceOptions(config)),
      QueueModule.forRoot('worker'),
      NoticesWorkerModule,
    ],
  })
    .overrideProvider(NOTICE_CLOCK)
    .useValue(() => clock.at ?? Date.now())
    .setLogger(new ConsoleLogger('notices-test', { logLevels: ['error'] }))
    .compile();
  await module.init();
  const dataSource = module.get(DataSource);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
  const query = <T>(sql: string, params: unknown[] = []) => dataSource.query(sql, params) as Promise<T[]>;
  const waitFor: WorkerHarness['waitFor'] = async (what, check, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const jobs = module.get(NoticeJobs);
  const flushRedis = async () => {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  };
  const settled: WorkerHarness['settled'] = async (timeoutMs = 30_000) => {
    let last: unknown;
    try {
      await waitFor(
        'nothing left to send',
        async () => {
          const counts = await jobs.queue.getJobCounts('waiting', 'active', 'prioritized');
          const [state] = await query<{ open: number; emails: number; posts: number }>(
            `WITH rows AS (SELECT kind, status, next_attempt_at FROM deliveries
                           UNION ALL SELECT kind, status, next_attempt_at FROM escalation_alerts
                           UNION ALL SELECT kind, status, next_attempt_at FROM make_ready_messages)
             SELECT (SELECT count(*) FROM rows WHERE status = 'sending'
                        OR (status = 'planned' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)))::int
                    + (SELECT count(*) FROM notice_runs WHERE status = 'pending')::int
                    + (SELECT count(*) FROM notice_runs r CROSS JOIN LATERAL unnest(r.crew_ids) AS c(crew_id)
                        WHERE r.status = 'running' AND NOT EXISTS (
                          SELECT 1 FROM notices n WHERE n.crew_id = c.crew_id AND n.notice_date = r.run_date))::int
                    + (SELECT count(*) FROM notice_amendments_owed)::int AS open,
                    (SELECT count(*) FROM rows WHERE status = 'sent' AND kind = 'email')::int AS emails,
                    (SELECT count(*) FROM rows WHERE status = 'sent' AND kind <> 'email')::int AS posts`,
            [new Date(clock.at ?? Date.now())],
          );
          last = { jobs: counts, ...state, received: sink.received.length, requests: http.requests.length };
          return (
            Object.values(counts).every((n) => n === 0) &&
            state.open === 0 &&
            state.emails === sink.received.length &&
            state.posts === http.requests.length
          );
        },
        timeoutMs,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}: ${JSON.stringify(last)}`);
    }
  };
  return {
    module,
    config,
    db,
    dataSource,
    sink,
    http,
    clock,
    redis,
    jobs,
    watchdog: module.get(NoticeWatchdog),
    query,
    waitFor,
    settled,
    async runAndWait(projectId, date, timeoutMs = 60_000) {
      await jobs.addRun({ projectId, date, trigger: 'manual' });
      return waitFor(
        `run of ${date}`,
        async () => {
          const run = await dataSource.getRepository(NoticeRunEntity).findOneBy({ projectId, runDate: date });
          return run?.status === 'completed' ? run : undefined;
        },
        timeoutMs,
      );
    },
    flushRedis,
    async close() {
      await module.close();
      await flushRedis();
      await redis.quit();
      await sink.close();
      await http.close();
      await db.drop();
    },
  };
}
