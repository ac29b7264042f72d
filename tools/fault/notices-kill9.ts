/**
 * Fault test (npm run fault:notices, last step of npm test): a night run of 1,000 crews, the
 * worker killed with SIGKILL in the middle, started again. It checks that the kill really fell
 * mid-run (deliveries sent before it and after the restart), and afterwards that every crew
 * has exactly one notice and one delivery for its channel and received its notice: a delivery
 * interrupted by the kill is sent again with the same Message-ID, so the sink holds one
 * message per crew — or two copies of the same message where the server had accepted it just
 * before the kill — and never two different ones. At most one delivery per SMTP connection
 * may end unknown: only those that were with a connection at the kill. Lost notices (unknown and never received,
 * or owed and never attempted) are counted and must be none.
 *
 * Real PostgreSQL (a scratch database), real Redis (own namespace), the real built worker.
 */
import {
  ensureWorkerBuild,
  quietNightRunEnv,
  seedCrewsWithWork,
  SmtpSink,
  startWorkerProcess,
  WorkerProcess,
} from '@worksite/notices-testing';
import { loadConfig } from '@worksite/server-config';
import { createTestDatabase, deleteRedisKeys } from '@worksite/server-testing';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

const CREWS = 1000;
/** SMTP connections of the worker: at most this many deliveries can be with the provider at the kill. */
const SMTP_POOL = 5;
const KILL_AFTER = 350;
const DATE = '2031-01-15';
const root = resolve(__dirname, '../..');
const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  const main = ensureWorkerBuild(root);
  const config = loadConfig();
  const prefix = `fault-${randomBytes(5).toString('hex')}`;
  const db = await createTestDatabase();
  const sink = await SmtpSink.start({ parse: false });
  // A little slower than a local sink, so the run is still going when the worker dies.
  sink.acceptDelayMs = 8;
  const queue = new Queue('notices', { connection: { url: config.REDIS_URL } as never, prefix });
  const env = {
    DATABASE_URL: db.url,
    REDIS_PREFIX: prefix,
    SMTP_URL: sink.url,
    SMS_GATEWAY_URL: '',
    PUBLIC_URL: 'http://worksite.fault',
    NOTICE_CONCURRENCY: '20',
    SMTP_POOL_SIZE: String(SMTP_POOL),
    NOTICE_WATCHDOG_SECONDS: '1',
    NOTICE_LOST_JOB_SECONDS: '5',
    NOTICE_SENDING_TIMEOUT_SECONDS: '5',
    NOTICE_RETRY_BASE_SECONDS: '1',
    // The only run is the one this script starts, whatever the time of day.
    ...quietNightRunEnv(),
  };
  const workers: WorkerProcess[] = [];
  let failed = false;
  try {
    const fixture = await seedCrewsWithWork(db.dataSource, { crews: CREWS, date: DATE });
    log(`seeded ${CREWS} crews with work on ${DATE}`);
    const first = startWorkerProcess(main, env);
    workers.push(first);
    await first.ready;
    await queue.add('run', { projectId: fixture.projectId, date: DATE, trigger: 'manual' });
    await waitFor('the first emails', async () => sink.received.length >= KILL_AFTER, 120_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const receivedAtKill = sink.received.length;
    const [inFlight] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'sending')::int AS sending, count(*) FILTER (WHERE status = 'sent')::int AS sent
         FROM deliveries`,
    );
    log(
      `worker killed with SIGKILL after ${receivedAtKill} emails: ${inFlight.sent} recorded sent, ${inFlight.sending} in flight`,
    );

    const [{ now: restartedAt }] = await db.dataSource.query('SELECT now()');
    const second = startWorkerProcess(main, env);
    workers.push(second);
    await second.ready;
    log('worker started again');
    const run = await waitFor(
      'the run to complete',
      async () => {
        const [row] = await db.dataSource.query('SELECT * FROM notice_runs WHERE project_id = $1 AND run_date = $2', [
          fixture.projectId,
          DATE,
        ]);
        return row?.status === 'completed' ? row : undefined;
      },
      150_000,
    );
    log(
      `run completed: ${run.crews_done}/${run.crews_total} crews, ${run.deliveries_sent} sent, ${run.deliveries_unknown} unknown`,
    );

    const problems: string[] = [];
    // The kill fell in the middle of the run: some sent before it, some only after the restart.
    const [{ after }] = await db.dataSource.query(
      `SELECT count(*)::int AS after FROM deliveries WHERE status = 'sent' AND sent_at >= $1`,
      [restartedAt],
    );
    if (inFlight.sent === 0) problems.push('no delivery was recorded sent before the kill');
    if (receivedAtKill >= CREWS) problems.push('every email had arrived before the kill');
    if (after === 0) problems.push('no delivery was sent after the restart');
    const perCrew = (await db.dataSource.query(
      `SELECT c.id, ch.address,
              (SELECT count(*)::int FROM notices n WHERE n.crew_id = c.id AND n.notice_date = $1) AS notices,
              (SELECT count(*)::int FROM deliveries d JOIN notices n ON n.id = d.notice_id
                WHERE n.crew_id = c.id AND n.notice_date = $1 AND n.revision = 1) AS deliveries,
              (SELECT string_agg(d.status::text, ',') FROM deliveries d JOIN notices n ON n.id = d.notice_id
                WHERE n.crew_id = c.id AND n.notice_date = $1) AS statuses,
              (SELECT coalesce(sum(d.attempts), 0)::int FROM deliveries d JOIN notices n ON n.id = d.notice_id
                WHERE n.crew_id = c.id AND n.notice_date = $1) AS attempts
         FROM crews c JOIN crew_channels ch ON ch.crew_id = c.id
        WHERE c.id = ANY($2::uuid[])`,
      [DATE, fixture.crews.map((crew) => crew.id)],
    )) as {
      id: string;
      address: string;
      notices: number;
      deliveries: number;
      statuses: string | null;
      attempts: number;
    }[];
    const messages = new Map<string, string[]>();
    for (const mail of sink.received) {
      for (const to of mail.to) messages.set(to, [...(messages.get(to) ?? []), mail.messageId]);
    }
    let unknownLost = 0;
    let neverAttempted = 0;
    let copies = 0;
    for (const crew of perCrew) {
      const got = messages.get(crew.address) ?? [];
      const distinct = new Set(got);
      if (crew.notices !== 1) problems.push(`${crew.address}: ${crew.notices} notices`);
      if (crew.deliveries !== 1) problems.push(`${crew.address}: ${crew.deliveries} deliveries`);
      if (crew.statuses === 'sent' && got.length === 0)
        problems.push(`${crew.address}: sent, but the sink got nothing`);
      if (crew.statuses === 'unknown' && got.length === 0) unknownLost++;
      if (!crew.statuses || crew.attempts === 0) neverAttempted++;
      if (crew.statuses && !['sent', 'unknown'].includes(crew.statuses)) {
        problems.push(`${crew.address}: delivery ${crew.statuses}`);
      }
      if (distinct.size > 1) problems.push(`${crew.address}: ${distinct.size} different messages`);
      if (distinct.has('')) problems.push(`${crew.address}: a message without Message-ID`);
      if (got.length > distinct.size) copies++;
    }
    // Never two copies: a delivery in flight at the kill ends unknown (counted, shown to the
    // coordinator, who may resend), never sent again by itself (RELIABILITY.md). Notices owed
    // but never attempted would be lost by us: none may be.
    if (copies > 0) problems.push(`${copies} crews got their notice twice`);
    if (neverAttempted > 0) problems.push(`${neverAttempted} notices owed but never attempted`);
    const lost = unknownLost + neverAttempted;
    if (perCrew.length !== CREWS) problems.push(`${perCrew.length} crews checked, expected ${CREWS}`);
    if (run.crews_done !== CREWS) problems.push(`run counted ${run.crews_done} crews done`);
    if (run.deliveries_sent + run.deliveries_unknown !== CREWS) problems.push('run counters do not add up');
    const unknown = perCrew.filter((crew) => crew.statuses === 'unknown').length;
    // Only a delivery that was with an SMTP connection at the kill may end unknown (one kill).
    if (unknown > SMTP_POOL) problems.push(`${unknown} unknown, more than the ${SMTP_POOL} SMTP connections`);
    log(
      `kill mid-run: ${inFlight.sent} recorded sent before it, ${after} sent after the restart; ` +
        `checked ${perCrew.length} crews: ${CREWS - unknown} sent, ${unknown} unknown; lost ${lost} ` +
        `(${unknownLost} unknown and never received, ${neverAttempted} never attempted); ` +
        `${copies} crews got a message twice; ` +
        `${sink.received.length} emails in all`,
    );
    if (problems.length) {
      failed = true;
      console.error(`✖ ${problems.length} problems:\n  ${problems.slice(0, 30).join('\n  ')}`);
    } else {
      console.log(
        `✔ through kill -9 every crew has one notice, sent or unknown; none twice; ${unknownLost} unknown and never received`,
      );
    }
  } finally {
    for (const worker of workers) await worker.stop('SIGTERM').catch(() => undefined);
    await queue.close();
    await deleteRedisKeys(config.REDIS_URL, prefix);
    await sink.close();
    await db.drop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: Error) => {
  console.error(`✖ fault test could not run: ${error.stack ?? error.message}`);
  process.exit(1);
});
