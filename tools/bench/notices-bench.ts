/**
 * npm run bench:notices — night runs of 10,000 crews with work tomorrow, from the job
 * scheduler firing to the last message accepted, with the built worker as its own process:
 * first email only (a local SMTP sink), then every crew on three channels (email, a WeCom
 * robot and the SMS gateway, both real HTTP receivers). Prints crews per second, total
 * seconds and the worker's peak memory of each, and one line per figure at the end.
 * Targets (issue 16) on the 2-core machine: email only ≤ 30 s, three channels ≤ 60 s;
 * worker memory ≤ 500 MB. BENCH_VARIANTS=email (or three) runs one of them.
 *
 * BENCH_CREWS changes the number of crews, BENCH_WORKERS the number of worker processes (1); the worker runs with NOTICE_CONCURRENCY=50,
 * DB_POOL_SIZE=20 and SMTP_POOL_SIZE=10 unless those are set in the environment. BENCH_WORKER_MAIN runs
 * another build of the worker (e.g. a copy of dist/apps/worker kept from before a change, to
 * compare both on the same machine at the same load); BENCH_LIMIT_SECONDS (300) ends a run that
 * takes too long. BENCH_PG_LOG=1 logs every statement of the run's scratch database to the
 * PostgreSQL server log (log_min_duration_statement=0; its name is printed) to count statements
 * per crew; WORKER_NODE_ARGS passes node options to the worker (e.g. --cpu-prof). BENCH_FIRE_AT (an
 * ISO instant on a whole minute, at least a minute ahead) fires the run then: two benches of two builds
 * started together run side by side, at the same load.
 */
import {
  ensureWorkerBuild,
  HttpReceiver,
  OUTBOUND_TO_TEST_RECEIVERS,
  seedCrewsWithWork,
  SmtpSink,
  startWorkerProcess,
  WorkerProcess,
} from '@worksite/notices-testing';
import { loadConfig } from '@worksite/server-config';
import { createTestDatabase, deleteRedisKeys } from '@worksite/server-testing';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';

const CREWS = Number(process.env['BENCH_CREWS'] ?? 10_000);
const ZONE = 'Asia/Shanghai';
/** Worker processes (BENCH_WORKERS, default 1): each runs the scheduler; the run row makes only one start the run. */
const WORKERS = Number(process.env['BENCH_WORKERS'] ?? 1);
const root = resolve(__dirname, '../..');
/** The worker keeps the statement timeout it would have; the bench's own seeding of 20,000 tasks may take longer on a busy machine. */
const WORKER_STATEMENT_TIMEOUT_MS = process.env['DB_STATEMENT_TIMEOUT_MS'] ?? '15000';
process.env['DB_STATEMENT_TIMEOUT_MS'] = '120000';

type Variant = 'email' | 'three';
interface Measured {
  seconds: number;
  memoryMb: number;
  duplicates: number;
}

async function main(): Promise<void> {
  const worker = process.env['BENCH_WORKER_MAIN'] ? resolve(process.env['BENCH_WORKER_MAIN']) : ensureWorkerBuild(root);
  const variants = (process.env['BENCH_VARIANTS'] ?? 'email,three').split(',') as Variant[];
  const results = new Map<Variant, Measured>();
  for (const variant of variants) results.set(variant, await runVariant(worker, variant));
  console.log('');
  for (const [variant, measured] of results) {
    const name = variant === 'email' ? 'notices_email_only' : 'notices_three_channels';
    const target = variant === 'email' ? 30 : 60;
    console.log(`${name}_seconds{crews=${CREWS}} ${measured.seconds.toFixed(1)} s  # target ≤ ${target} s`);
    console.log(`${name}_worker_peak_mb{crews=${CREWS}} ${measured.memoryMb.toFixed(0)} MB  # target ≤ 500 MB`);
    console.log(`${name}_duplicates{crews=${CREWS}} ${measured.duplicates} messages`);
  }
}

/** One night run: email only, or email + robot + SMS for every crew. */
async function runVariant(main: string, variant: Variant): Promise<Measured> {
  const limitSeconds = Number(process.env['BENCH_LIMIT_SECONDS'] ?? 300);
  const config = loadConfig();
  const prefix = `bench-${randomBytes(5).toString('hex')}`;
  const db = await createTestDatabase();
  if (process.env['BENCH_PG_LOG'] === '1') {
    const name = new URL(db.url).pathname.slice(1);
    await db.dataSource.query(`ALTER DATABASE ${name} SET log_min_duration_statement = 0`);
    console.log(`logging every statement of database ${name}`);
  }
  const sink = await SmtpSink.start({ parse: false });
  const receiver = await HttpReceiver.start();
  const three = variant === 'three';
  console.log(`\n▶ ${three ? 'three channels (email, WeCom robot, SMS gateway)' : 'email only'}`);
  // Seeding first (over a minute on a busy machine), then the scheduler's firing time: the next
  // whole minute that leaves time to start the worker, on the eve of the seeded date.
  const date = addDays(localDateOf(Date.now(), ZONE), 1);
  const workers: WorkerProcess[] = [];
  const peakMemory = () => Math.max(0, ...workers.map((worker) => worker.peakMemoryMb() ?? 0));
  try {
    const seeding = Date.now();
    const fixture = await seedCrewsWithWork(db.dataSource, {
      crews: CREWS,
      date,
      tasksPerCrew: 2,
      timeZone: ZONE,
      channels: three
        ? (i) => [
            { kind: 'wecom', address: receiver.url(`/robot/${i}`) },
            { kind: 'sms', address: `139${String(i).padStart(8, '0')}` },
          ]
        : undefined,
    });
    console.log(
      `seeded ${CREWS} crews (${2 * CREWS} tasks on ${date}) in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
    );
    // BENCH_FIRE_AT (an instant on a whole minute) makes two benches (e.g. two builds) run at the same time.
    const fire = process.env['BENCH_FIRE_AT']
      ? DateTime.fromISO(process.env['BENCH_FIRE_AT']).setZone(ZONE).startOf('minute')
      : DateTime.now().setZone(ZONE).plus({ seconds: 40 }).startOf('minute').plus({ minutes: 1 });
    const sendTime = fire.toFormat('HH:mm');
    if (addDays(localDateOf(fire.toMillis(), ZONE), 1) !== date)
      throw new Error('midnight came while seeding: run again');
    for (let i = 0; i < WORKERS; i++) {
      workers.push(
        startWorkerProcess(
          main,
          {
            DATABASE_URL: db.url,
            REDIS_PREFIX: prefix,
            SMTP_URL: sink.url,
            SMS_GATEWAY_URL: three ? receiver.url('/sms') : '',
            ...(three
              ? {
                  OUTBOUND_ALLOW_HTTP: 'true',
                  OUTBOUND_ALLOWED_HOSTS: OUTBOUND_TO_TEST_RECEIVERS.OUTBOUND_ALLOWED_HOSTS,
                }
              : {}),
            PUBLIC_URL: 'http://worksite.bench',
            NOTICE_SEND_TIME: sendTime,
            NOTICE_CONCURRENCY: process.env['NOTICE_CONCURRENCY'] ?? '50',
            DB_POOL_SIZE: process.env['DB_POOL_SIZE'] ?? '20',
            SMTP_POOL_SIZE: process.env['SMTP_POOL_SIZE'] ?? '10',
            NOTICE_WATCHDOG_SECONDS: '15',
            DB_STATEMENT_TIMEOUT_MS: WORKER_STATEMENT_TIMEOUT_MS,
          },
          { execArgv: (process.env['WORKER_NODE_ARGS'] ?? '').split(' ').filter(Boolean) },
        ),
      );
    }
    await Promise.all(workers.map((worker) => worker.ready));
    if (Date.now() >= fire.toMillis()) throw new Error('the worker was up only after the firing time: run again');
    console.log(`${WORKERS} worker process(es) up; its job scheduler fires at ${sendTime} ${ZONE} (${fire.toISO()})`);
    const cpu = () => workers.reduce((sum, worker) => sum + (worker.cpuSeconds() ?? 0), 0);
    const cpuBefore = cpu();
    const expected = three ? 3 * CREWS : CREWS;
    const accepted = () => sink.received.length + (three ? receiver.requests.length : 0);
    let lastCount = 0;
    let lastReport = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      if (accepted() >= expected) break;
      if (Date.now() > fire.toMillis() + limitSeconds * 1000)
        throw new Error(`only ${accepted()} of ${expected} messages after ${limitSeconds} s`);
      if (Date.now() - lastReport >= 5000 && accepted() > 0) {
        const rate = (accepted() - lastCount) / ((Date.now() - lastReport) / 1000);
        console.log(
          `  ${sink.received.length} emails, ${receiver.to('/robot').length} robot posts, ${receiver.to('/sms').length} SMS accepted, ` +
            `${rate.toFixed(0)}/s, worker ${peakMemory().toFixed(0)} MB peak`,
        );
        lastReport = Date.now();
        lastCount = accepted();
      }
    }
    const [run] = await db.dataSource.query('SELECT * FROM notice_runs WHERE project_id = $1', [fixture.projectId]);
    const lastAccepted = Math.max(
      ...sink.received.map((mail) => mail.at),
      ...receiver.requests.map((request) => request.at),
    );
    const firedAt = instantOf(localDateOf(fire.toMillis(), ZONE), sendTime, ZONE).getTime();
    const seconds = (lastAccepted - firedAt) / 1000;
    const counts = sink.countsByRecipient();
    const robotPaths = new Set(receiver.to('/robot').map((request) => request.path));
    const twice =
      [...counts.values()].filter((n) => n > 1).length +
      (receiver.to('/robot').length - robotPaths.size) +
      (receiver.to('/sms').length - new Set(receiver.to('/sms').map((r) => JSON.stringify(r.body))).size);
    const memory = peakMemory();
    const cpuSeconds = cpu() - cpuBefore;
    console.log(
      `${CREWS} crews: ${seconds.toFixed(1)} s from the scheduler firing (${sendTime}) to the last message accepted ` +
        `→ ${(CREWS / seconds).toFixed(0)} crews/s; run job started ${((run.started_at.getTime() - firedAt) / 1000).toFixed(2)} s after the fire time`,
    );
    console.log(
      `peak memory of a worker (VmHWM): ${memory.toFixed(0)} MB; ${counts.size} email recipients, ${twice} messages twice`,
    );
    console.log(
      `worker CPU from ready to the last message: ${cpuSeconds.toFixed(1)} s (${((100 * cpuSeconds) / seconds).toFixed(0)} % of one core over the run)`,
    );
    return { seconds, memoryMb: memory, duplicates: twice };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop('SIGTERM')));
    await deleteRedisKeys(config.REDIS_URL, prefix);
    await sink.close();
    await receiver.close();
    await db.drop();
  }
}

main().catch((error: Error) => {
  console.error(`✖ ${error.stack ?? error.message}`);
  process.exit(1);
});
