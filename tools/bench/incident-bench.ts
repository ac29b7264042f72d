/**
 * npm run bench:incident — an incident opened while a night run of 10,000 crews is being
 * sent: from "open incident" (IncidentOpener.open, the api's use case, in this process) to the
 * last on-duty crew's call-out accepted by the sinks (every crew's email on a local SMTP sink and
 * the power crew's group-chat robot on a local HTTP receiver), with the built worker as its own
 * process working both queues. Prints `incident_callout_ms <value> ms` for a cold and a warm
 * opening (the second incident a few seconds later, the night run still going).
 * Target: ≤ 5,000 ms, during the night run.
 *
 * BENCH_CREWS changes the night run's crews (10,000); the worker runs with NOTICE_CONCURRENCY=50,
 * DB_POOL_SIZE=20 and SMTP_POOL_SIZE=10 unless set; BENCH_WORKER_MAIN runs another worker build.
 */
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { Actor, SYSTEM_ACTOR } from '@worksite/auth-access';
import { IncidentOpener, IncidentsApiModule } from '@worksite/incidents-api';
import { cableFirePlaybook, rosterBody, seedIncidentWorld, WORLD_DEPARTMENTS } from '@worksite/incidents-testing';
import {
  ensureWorkerBuild,
  HttpReceiver,
  OUTBOUND_TO_TEST_RECEIVERS,
  seedCrewsWithWork,
  SmtpSink,
  startWorkerProcess,
} from '@worksite/notices-testing';
import { AppConfig, AppConfigModule, loadConfig } from '@worksite/server-config';
import { dataSourceOptions } from '@worksite/server-data-access';
import { QueueModule } from '@worksite/server-queue';
import { createTestDatabase, deleteRedisKeys } from '@worksite/server-testing';
import { IncidentKind, IncidentSeverity, Role } from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { DateTime } from 'luxon';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';

// Seeding 10,000 crews in a few statements can outlast the default statement timeout on a busy machine.
process.env['DB_STATEMENT_TIMEOUT_MS'] ??= '600000';
const CREWS = Number(process.env['BENCH_CREWS'] ?? 10_000);
const ZONE = 'Asia/Shanghai';
const TARGET_MS = 5000;
const root = resolve(__dirname, '../..');

async function main(): Promise<void> {
  const main = process.env['BENCH_WORKER_MAIN'] ? resolve(process.env['BENCH_WORKER_MAIN']) : ensureWorkerBuild(root);
  const prefix = `bench-${randomBytes(5).toString('hex')}`;
  const db = await createTestDatabase();
  const sink = await SmtpSink.start({ parse: false });
  const http = await HttpReceiver.start();
  // Seeding 10,000 crews first (minutes on a busy machine), then the night run is set to fire soon after.
  const seeding = Date.now();
  const date = addDays(localDateOf(Date.now() + 10 * 60_000, ZONE), 1);
  await seedCrewsWithWork(db.dataSource, { crews: CREWS, date, tasksPerCrew: 2, timeZone: ZONE });
  const world = await seedIncidentWorld(db.dataSource, {
    emailDomain: 'oncall.bench',
    channels: (key) => (key === 'power' ? [{ kind: 'wecom', address: http.url('/robot/send?key=bench-power') }] : []),
  });
  console.log(
    `seeded ${CREWS} crews with work on ${date} and the on-call world in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const fire = DateTime.now().setZone(ZONE).plus({ seconds: 40 }).startOf('minute').plus({ minutes: 1 });
  const sendTime = fire.toFormat('HH:mm');
  if (addDays(localDateOf(fire.toMillis(), ZONE), 1) !== date)
    throw new Error('local midnight passed while seeding; run again');
  const env = {
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
    OUTBOUND_ALLOW_HTTP: String(OUTBOUND_TO_TEST_RECEIVERS.OUTBOUND_ALLOW_HTTP),
    OUTBOUND_ALLOWED_HOSTS: OUTBOUND_TO_TEST_RECEIVERS.OUTBOUND_ALLOWED_HOSTS,
  };
  const worker = startWorkerProcess(main, env);
  // The api side of "open incident", in this process (its use case, as POST /api/incidents runs it).
  const config = Object.assign(loadConfig(), {
    ...env,
    DB_POOL_SIZE: 5,
    OUTBOUND_ALLOW_HTTP: true,
    NOTICE_CONCURRENCY: 50,
    SMTP_POOL_SIZE: 1,
    WEB_DIST_DIR: '',
  }) as AppConfig;
  @Module({
    imports: [
      AppConfigModule.forRoot(config),
      TypeOrmModule.forRoot(dataSourceOptions(config)),
      QueueModule.forRoot('producer'),
      IncidentsApiModule,
    ],
  })
  class BenchApiModule {}
  const api = await NestFactory.createApplicationContext(BenchApiModule, { logger: ['error', 'warn'] });
  const dataSource = api.get(DataSource);
  try {
    const opener = api.get(IncidentOpener);
    await dataSource.query(
      `INSERT INTO playbooks (kind, name, department_ids, steps, paperwork_department_id) VALUES ($1, $2, $3, $4, $5)`,
      ((p) => [p.kind, p.name, p.departmentIds, JSON.stringify(p.steps), p.paperworkDepartmentId])(
        cableFirePlaybook(world),
      ),
    );
    for (const key of WORLD_DEPARTMENTS) {
      const roster = rosterBody(world, key);
      const [{ id }] = await dataSource.query(
        `INSERT INTO on_call_rosters (department_id, duty_lead_name, duty_lead_phone, default_crew_id) VALUES ($1, $2, $3, $4) RETURNING id`,
        [world.departments[key], roster.dutyLeadName, roster.dutyLeadPhone, roster.defaultCrewId],
      );
      for (const shift of roster.shifts) {
        await dataSource.query(
          'INSERT INTO on_call_shifts (roster_id, crew_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)',
          [id, shift.crewId, shift.startsAt, shift.endsAt],
        );
      }
    }
    const [user] = await dataSource.query(
      `INSERT INTO users (username, display_name, password_hash, role) VALUES ('bench-coordinator', '值班协调员', 'x', 'coordinator') RETURNING id`,
    );
    const actor: Actor = {
      ...SYSTEM_ACTOR,
      id: user.id,
      name: '值班协调员',
      role: Role.Coordinator,
      sessionId: 'bench',
    };
    await worker.ready;
    console.log(`worker up; the night run fires at ${sendTime} ${ZONE}`);

    const nightMails = () => sink.received.filter((mail) => !mail.to.some((to) => to.endsWith('@oncall.bench'))).length;
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      if (nightMails() >= Math.min(1000, CREWS / 4)) break;
      if (Date.now() > fire.toMillis() + 120_000) throw new Error('the night run did not start');
    }
    const results: number[] = [];
    for (const label of ['cold', 'warm']) {
      const before = { mails: sink.received.length, robot: http.to('/robot').length };
      const duty = WORLD_DEPARTMENTS.map((key) => world.crews[key].email);
      const started = Date.now();
      await opener.open(
        {
          kind: IncidentKind.CableFire,
          severity: IncidentSeverity.Major,
          title: `八经街32号楼1单元电缆起火（${label}）`,
          callerName: '住户',
          locationId: world.unitId,
        },
        actor,
      );
      let last = 0;
      for (;;) {
        const mails = sink.received.slice(before.mails).filter((mail) => mail.to.some((to) => duty.includes(to)));
        const robot = http.to('/robot').slice(before.robot);
        if (mails.length >= duty.length && robot.length >= 1) {
          last = Math.max(...mails.map((mail) => mail.at), ...robot.map((request) => request.at));
          break;
        }
        if (Date.now() - started > 60_000)
          throw new Error(`call-outs not all accepted after 60 s (${mails.length} emails)`);
        await new Promise((r) => setTimeout(r, 5));
      }
      const ms = last - started;
      results.push(ms);
      const night = nightMails();
      console.log(
        `incident_callout_ms ${ms} ms (${label}; ${duty.length} crews by email + 1 robot; night run in progress: ${night}/${CREWS} emails sent${night >= CREWS ? ' — finished' : ''})`,
      );
      await new Promise((r) => setTimeout(r, 3000));
    }
    console.log(
      `target ≤ ${TARGET_MS} ms during a night run: ${results.every((ms) => ms <= TARGET_MS) ? 'met' : 'NOT met'} (measured on this machine under whatever else runs on it)`,
    );
  } finally {
    await api.close();
    await worker.stop('SIGTERM');
    await deleteRedisKeys(config.REDIS_URL, prefix);
    await sink.close();
    await http.close();
    await db.drop();
  }
}

main().catch((error: Error) => {
  console.error(`✖ ${error.stack ?? error.message}`);
  process.exit(1);
});
