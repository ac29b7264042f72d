/**
 * npm run bench:notices — a night run of 10,000 crews with work tomorrow, from the job
 * scheduler firing to the last email accepted by a local SMTP sink, with the built worker
 * as its own process. Prints crews per second, total seconds and the worker's peak memory.
 * Target on the 2-core machine: ≤ 60 s, worker memory ≤ 500 MB.
 *
 * BENCH_CREWS changes the number of crews, BENCH_WORKERS the number of worker processes (1); the worker runs with NOTICE_CONCURRENCY=50,
 * DB_POOL_SIZE=20 and SMTP_POOL_SIZE=10 unless those are set in the environment. BENCH_WORKER_MAIN runs
 * another build of the worker (e.g. a copy of dist/apps/worker kept from before a change, to
 * compare both on the same machine at the same load); BENCH_LIMIT_SECONDS (300) ends a run that
 * takes too long.
 */
import { ensureWorkerBuild, seedCrewsWithWork, SmtpSink, startWorkerProcess } from '@worksite/notices-testing';
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

async function main(): Promise<void> {
  const main = process.env['BENCH_WORKER_MAIN'] ? resolve(process.env['BENCH_WORKER_MAIN']) : ensureWorkerBuild(root);
  const limitSeconds = Number(process.env['BENCH_LIMIT_SECONDS'] ?? 300);
  const config = loadConfig();
  const prefix = `bench-${randomBytes(5).toString('hex')}`;
  const db = await createTestDatabase();
  const sink = await SmtpSink.start({ parse: false });
  // The scheduler fires at the next whole minute that leaves time to start the worker.
  const fire = DateTime.now().setZone(ZONE).plus({ seconds: 40 }).startOf('minute').plus({ minutes: 1 });
  const sendTime = fire.toFormat('HH:mm');
  const date = addDays(localDateOf(fire.toMillis(), ZONE), 1);
  const workers = Array.from({ length: WORKERS }, () =>
    startWorkerProcess(
      main,
      {
        DATABASE_URL: db.url,
        REDIS_PREFIX: prefix,
        SMTP_URL: sink.url,
        SMS_GATEWAY_URL: '',
        PUBLIC_URL: 'http://worksite.bench',
        NOTICE_SEND_TIME: sendTime,
        NOTICE_CONCURRENCY: process.env['NOTICE_CONCURRENCY'] ?? '50',
        DB_POOL_SIZE: process.env['DB_POOL_SIZE'] ?? '20',
        SMTP_POOL_SIZE: process.env['SMTP_POOL_SIZE'] ?? '10',
        NOTICE_WATCHDOG_SECONDS: '15',
      },
      { execArgv: (process.env['WORKER_NODE_ARGS'] ?? '').split(' ').filter(Boolean) },
    ),
  );
  const peakMemory = () => Math.max(...workers.map((worker) => worker.peakMemoryMb() ?? 0));
  try {
    const seeding = Date.now();
    const fixture = await seedCrewsWithWork(db.dataSource, { crews: CREWS, date, tasksPerCrew: 2, timeZone: ZONE });
    console.log(
      `seeded ${CREWS} crews (${2 * CREWS} tasks on ${date}) in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
    );
    await Promise.all(workers.map((worker) => worker.ready));
    console.log(`${WORKERS} worker process(es) up; its job scheduler fires at ${sendTime} ${ZONE} (${fire.toISO()})`);
    let lastCount = 0;
    let lastReport = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      if (sink.received.length >= CREWS) break;
      if (Date.now() > fire.toMillis() + limitSeconds * 1000)
        throw new Error(`only ${sink.received.length} emails after ${limitSeconds} s`);
      if (Date.now() - lastReport >= 5000 && sink.received.length > 0) {
        const rate = (sink.received.length - lastCount) / ((Date.now() - lastReport) / 1000);
        console.log(
          `  ${sink.received.length} emails accepted, ${rate.toFixed(0)}/s, worker ${peakMemory().toFixed(0)} MB peak`,
        );
        lastReport = Date.now();
        lastCount = sink.received.length;
      }
    }
    const [run] = await db.dataSource.query('SELECT * FROM notice_runs WHERE project_id = $1', [fixture.projectId]);
    const lastAccepted = Math.max(...sink.received.map((mail) => mail.at));
    const firedAt = instantOf(localDateOf(fire.toMillis(), ZONE), sendTime, ZONE).getTime();
    const seconds = (lastAccepted - firedAt) / 1000;
    const counts = sink.countsByRecipient();
    const twice = [...counts.values()].filter((n) => n > 1).length;
    const memory = peakMemory();
    console.log(
      `\n${CREWS} crews: ${seconds.toFixed(1)} s from the scheduler firing (${sendTime}) to the last email accepted ` +
        `→ ${(CREWS / seconds).toFixed(0)} crews/s; run job started ${((run.started_at.getTime() - firedAt) / 1000).toFixed(2)} s after the fire time`,
    );
    console.log(
      `peak memory of a worker (VmHWM): ${memory.toFixed(0)} MB; ${counts.size} recipients, ${twice} got more than one email`,
    );
    console.log(`target ≤ 60 s and ≤ 500 MB: ${seconds <= 60 && memory <= 500 && twice === 0 ? 'met' : 'NOT met'}`);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop('SIGTERM')));
    await deleteRedisKeys(config.REDIS_URL, prefix);
    await sink.close();
    await db.drop();
  }
}

main().catch((error: Error) => {
  console.error(`✖ ${error.stack ?? error.message}`);
  process.exit(1);
});
